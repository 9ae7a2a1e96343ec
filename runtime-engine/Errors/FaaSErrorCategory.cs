namespace Runtime.Engine.Errors;

/// <summary>Who failed: the user's function, or the runtime around it.</summary>
public enum FaaSErrorCategory
{
    /// <summary>The handler (or a hook or middleware on its behalf) threw.</summary>
    Function,

    /// <summary>The runtime could not run the handler: bad event, bad configuration, no such handler, init failure.</summary>
    Runtime,
}
