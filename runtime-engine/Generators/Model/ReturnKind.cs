namespace Runtime.Engine.Generators.Model;

/// <summary>What a function or initialiser method returns, which says how the generated code adapts it.</summary>
internal enum ReturnKind
{
    /// <summary><c>ValueTask</c>.</summary>
    ValueTask,

    /// <summary><c>Task</c>.</summary>
    Task,

    /// <summary><c>void</c> (not <c>async void</c>).</summary>
    Void,

    /// <summary><c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTaskOfResult,

    /// <summary><c>Task&lt;T&gt;</c>.</summary>
    TaskOfResult,

    /// <summary><c>T</c>, returned synchronously.</summary>
    Result,
}
