using Runtime.Light;

// No functions: a handler layer (for example the web-app adapter under /opt/layers) serves every invocation, and
// without one the start fails with Runtime.NoSuchHandler, saying so.
return await FaaSHost.CreateBuilder(args).RunAsync();
