using Runtime.Engine.Generators.Model;

namespace Runtime.Engine.Generators.Emit;

/// <summary>The function registrations and the adapter classes of instance-method functions.</summary>
internal static partial class Emitter
{
    private const string DisposeAfterInvoke = "DisposeAfterInvoke";

    private static void WriteFunction(CodeWriter code, FunctionModel function, int index)
    {
        code.Line()
            .Line("// " + Literal(function.Name) + ": " + function.DisplayName + " (" + Describe(function) + ")");
        string name = Literal(function.Name);
        if (function.Instance is { } instance)
        {
            string handler = "new " + AdapterName(function, index) + "(" + Construct(instance, "services") + ")";
            if (function.PerInvocation && instance.Dispose != DisposeKind.None)
            {
                handler = "new " + DisposeAfterInvoke + "(" + handler + ")";
            }
            string lifetime = Names.FunctionLifetime + (function.PerInvocation ? ".PerInvocation" : ".Singleton");
            code.Line("builder.Functions.Add(" + name + ", static services => " + handler + ", " + lifetime + ");");
            return;
        }

        string target = function.ContainingType + "." + Identifier(function.Method);
        (string Body, bool Block) call = Adapt(function, target);
        string open = function.Kind switch
        {
            FunctionKind.Raw => "builder.Functions.AddRaw(" + name + ", static context =>",
            FunctionKind.Http => "builder.Functions.AddHttp(" + name + ", static (context, request, response) =>",
            FunctionKind.Event => "builder.Functions.AddEvent<" + function.EventType + ", " + function.ResultType + ">(" + name + ", "
                + function.EventTypeInfo + ", " + function.ResultTypeInfo + ", static (context, input) =>",
            _ => "builder.Functions.AddEvent<" + function.EventType + ">(" + name + ", " + function.EventTypeInfo + ", static (context, input) =>",
        };
        if (call.Block)
        {
            code.Line(open)
                .Line("{")
                .Line("    " + call.Body + ";")
                .Line("    return default;")
                .Line("});");
        }
        else
        {
            code.Line(open + " " + call.Body + ");");
        }
    }

    private static void WriteAdapter(CodeWriter code, FunctionModel function, Construction instance, int index)
    {
        string name = AdapterName(function, index);
        string baseType = function.Kind switch
        {
            FunctionKind.Raw => Names.IFunctionHandler,
            FunctionKind.Http => Names.HttpFunction,
            FunctionKind.Event => Names.EventFunction + "<" + function.EventType + ", " + function.ResultType + ">",
            _ => Names.EventFunction + "<" + function.EventType + ">",
        };
        string disposable = instance.Dispose switch
        {
            DisposeKind.DisposeAsync => ", " + Names.IAsyncDisposable,
            DisposeKind.Dispose => ", " + Names.IDisposable,
            _ => string.Empty,
        };
        code.Line("/// <summary>Function " + Escape(Literal(function.Name)) + ": calls " + Escape(function.DisplayName) + " on the instance it is given.</summary>")
            .Open("file sealed class " + name + " : " + baseType + disposable)
            .Line("private readonly " + instance.Type + " _target;")
            .Line();
        string baseCall = function.Kind switch
        {
            FunctionKind.Event => "\n    : base(" + function.EventTypeInfo + ", " + function.ResultTypeInfo + ")",
            FunctionKind.EventNoResult => "\n    : base(" + function.EventTypeInfo + ")",
            _ => string.Empty,
        };
        foreach (string line in ("public " + name + "(" + instance.Type + " target)" + baseCall + " => _target = target;").Split('\n'))
        {
            code.Line(line);
        }
        code.Line();

        string signature = function.Kind switch
        {
            FunctionKind.Raw => "public " + Names.ValueTask + " InvokeAsync(" + Names.FaaSContext + " context)",
            FunctionKind.Http => "public override " + Names.ValueTask + " HandleAsync(" + Names.FaaSContext + " context, "
                + Names.FaaSRequest + " request, " + Names.FaaSResponse + " response)",
            FunctionKind.Event => "public override " + Names.ValueTask + "<" + function.ResultType + "> HandleAsync(" + Names.FaaSContext
                + " context, " + function.EventType + " input)",
            _ => "public override " + Names.ValueTask + " HandleAsync(" + Names.FaaSContext + " context, " + function.EventType + " input)",
        };
        (string Body, bool Block) call = Adapt(function, "_target." + Identifier(function.Method));
        if (call.Block)
        {
            code.Open(signature)
                .Line(call.Body + ";")
                .Line("return default;")
                .Close();
        }
        else
        {
            code.Line(signature + " => " + call.Body + ";");
        }

        switch (instance.Dispose)
        {
            case DisposeKind.DisposeAsync:
                code.Line()
                    .Line("public " + Names.ValueTask + " DisposeAsync() => ((" + Names.IAsyncDisposable + ")_target).DisposeAsync();");
                break;
            case DisposeKind.Dispose:
                code.Line()
                    .Line("public void Dispose() => ((" + Names.IDisposable + ")_target).Dispose();");
                break;
        }
        code.Close();
    }

    private static void WriteDisposeAfterInvoke(CodeWriter code)
    {
        code.Line("/// <summary>Disposes a per-invocation function's instance when its invocation ends, however it ends.</summary>")
            .Open("file sealed class " + DisposeAfterInvoke + " : " + Names.IFunctionHandler)
            .Line("private readonly " + Names.IFunctionHandler + " _inner;")
            .Line()
            .Line("public " + DisposeAfterInvoke + "(" + Names.IFunctionHandler + " inner) => _inner = inner;")
            .Line()
            .Open("public async " + Names.ValueTask + " InvokeAsync(" + Names.FaaSContext + " context)")
            .Open("try")
            .Line("await _inner.InvokeAsync(context).ConfigureAwait(false);")
            .Close()
            .Open("finally")
            .Open("if (_inner is " + Names.IAsyncDisposable + " asyncDisposable)")
            .Line("await asyncDisposable.DisposeAsync().ConfigureAwait(false);")
            .Close()
            .Open("else if (_inner is " + Names.IDisposable + " disposable)")
            .Line("disposable.Dispose();")
            .Close()
            .Close()
            .Close()
            .Close();
    }

    /// <summary>
    /// The call of the user's method adapted to what the registry expects (<c>ValueTask</c> or <c>ValueTask&lt;TResult&gt;</c>):
    /// an expression, or a statement to run before <c>return default;</c> (<c>void</c> methods).
    /// </summary>
    private static (string Body, bool Block) Adapt(FunctionModel function, string target)
    {
        string arguments = function.Kind switch
        {
            FunctionKind.Raw => "context",
            FunctionKind.Http => "context, request, response",
            _ => "context, input",
        };
        if (function.PassCancellationToken)
        {
            arguments += ", context.CancellationToken";
        }
        string call = target + "(" + arguments + ")";
        return function.Return switch
        {
            ReturnKind.Void => (call, true),
            ReturnKind.Task => ("new " + Names.ValueTask + "(" + call + ")", false),
            ReturnKind.TaskOfResult or ReturnKind.Result => ("new " + Names.ValueTask + "<" + function.ResultType + ">(" + call + ")", false),
            _ => (call, false),
        };
    }

    private static string AdapterName(FunctionModel function, int index) => "Function" + index + "_" + function.Method;

    private static string Describe(FunctionModel function)
    {
        string kind = function.Kind switch
        {
            FunctionKind.Raw => "raw",
            FunctionKind.Http => "HTTP",
            FunctionKind.Event => "typed event " + Display(function.EventType!) + " -> " + Display(function.ResultType!),
            _ => "typed event " + Display(function.EventType!) + ", no result",
        };
        if (function.Instance is null)
        {
            return kind + ", static";
        }
        return kind + ", " + (function.PerInvocation ? "a new instance per invocation" : "one instance");
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
