namespace Runtime.Engine.Generators.Model;

/// <summary>Which registry method a function's shape maps onto.</summary>
internal enum FunctionKind
{
    /// <summary><c>(FaaSContext)</c>: AddRaw.</summary>
    Raw,

    /// <summary><c>(FaaSContext, FaaSRequest, FaaSResponse)</c>: AddHttp.</summary>
    Http,

    /// <summary><c>(FaaSContext, TEvent)</c> with a result: AddEvent&lt;TEvent, TResult&gt;.</summary>
    Event,

    /// <summary><c>(FaaSContext, TEvent)</c> without a result: AddEvent&lt;TEvent&gt;.</summary>
    EventNoResult,
}
