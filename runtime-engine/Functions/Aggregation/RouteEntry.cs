using System;

namespace Runtime.Engine.Functions.Aggregation;

/// <summary>One compiled route: its template, the methods it takes (null = any), and the function it reaches.</summary>
internal sealed class RouteEntry
{
    public RouteEntry(RouteTemplate template, string[]? methods, int target, string functionName, int declared)
    {
        Template = template;
        Methods = methods;
        Target = target;
        FunctionName = functionName;
        Declared = declared;
    }

    public RouteTemplate Template { get; }

    /// <summary>Upper-case methods; null takes any method.</summary>
    public string[]? Methods { get; }

    /// <summary>The index of the function in the group.</summary>
    public int Target { get; }

    public string FunctionName { get; }

    /// <summary>Position in the manifest (function order, then route order): the last tie-breaker.</summary>
    public int Declared { get; }

    public bool Allows(string method)
    {
        string[]? methods = Methods;
        if (methods is null)
        {
            return true;
        }
        for (int i = 0; i < methods.Length; i++)
        {
            if (string.Equals(methods[i], method, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether some method is taken by both routes.</summary>
    public bool Overlaps(RouteEntry other)
    {
        if (Methods is null || other.Methods is null)
        {
            return true;
        }
        foreach (string method in Methods)
        {
            if (other.Allows(method))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>For messages: <c>GET,POST /users/{id}</c> or <c>ANY /users/{id}</c>.</summary>
    public override string ToString() => (Methods is null ? "ANY" : string.Join(",", Methods)) + " " + Template.Text;
}
