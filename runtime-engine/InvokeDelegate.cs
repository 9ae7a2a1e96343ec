using System.Threading.Tasks;

namespace Runtime.Engine;

/// <summary>One step of the invoke pipeline: middleware, the router, the handler.</summary>
public delegate ValueTask InvokeDelegate(FaaSContext context);
