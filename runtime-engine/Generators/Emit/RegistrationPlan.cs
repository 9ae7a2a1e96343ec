using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Runtime.Engine.Generators.Model;

namespace Runtime.Engine.Generators.Emit;

/// <summary>
/// What the generated method registers, in order (services, then functions, then initialisers, each in declaration
/// order), and every diagnostic to report. Checks what no single attribute can: duplicate function names (FAAS003),
/// initialisers naming no function (FAAS013) or a function that already has one (FAAS014). A model with an error is
/// left out, and so is the initialiser of a function that was left out.
/// </summary>
internal sealed record RegistrationPlan(
    EquatableArray<ServiceModel> Services,
    EquatableArray<FunctionModel> Functions,
    EquatableArray<InitializerModel> Initializers,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool IsEmpty)
{
    public static RegistrationPlan Build(ImmutableArray<FunctionModel> functions, ImmutableArray<InitializerModel> initializers,
        ImmutableArray<ServiceModel> services)
    {
        var diagnostics = new DiagnosticList();

        var validServices = new List<ServiceModel>();
        foreach (ServiceModel service in Sorted(services, static s => s.Order))
        {
            diagnostics.AddRange(service.Diagnostics);
            if (service.IsValid)
            {
                validServices.Add(service);
            }
        }

        var owners = new Dictionary<string, FunctionModel>(StringComparer.Ordinal);
        var registered = new HashSet<string>(StringComparer.Ordinal);
        var validFunctions = new List<FunctionModel>();
        foreach (FunctionModel function in Sorted(functions, static f => f.Order))
        {
            diagnostics.AddRange(function.Diagnostics);
            bool duplicate = false;
            if (!string.IsNullOrWhiteSpace(function.Name))
            {
                if (owners.TryGetValue(function.Name, out FunctionModel? first))
                {
                    duplicate = true;
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.DuplicateName, function.NameLocation, function.Name, first.DisplayName));
                }
                else
                {
                    owners.Add(function.Name, function);
                }
            }
            if (function.IsValid && !duplicate)
            {
                validFunctions.Add(function);
                registered.Add(function.Name);
            }
        }

        var initialized = new Dictionary<string, InitializerModel>(StringComparer.Ordinal);
        var validInitializers = new List<InitializerModel>();
        foreach (InitializerModel initializer in Sorted(initializers, static i => i.Order))
        {
            diagnostics.AddRange(initializer.Diagnostics);
            if (!owners.ContainsKey(initializer.Function))
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnknownInitializerTarget, initializer.FunctionLocation, initializer.Function));
                continue;
            }
            if (initialized.TryGetValue(initializer.Function, out InitializerModel? first))
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.DuplicateInitializer, initializer.FunctionLocation, initializer.Function,
                    Display(first)));
                continue;
            }
            initialized.Add(initializer.Function, initializer);
            if (initializer.IsValid && registered.Contains(initializer.Function))
            {
                validInitializers.Add(initializer);
            }
        }

        return new RegistrationPlan(
            validServices.ToEquatableArray(),
            validFunctions.ToEquatableArray(),
            validInitializers.ToEquatableArray(),
            diagnostics.ToEquatableArray(),
            functions.IsEmpty && initializers.IsEmpty && services.IsEmpty);
    }

    /// <summary>How a message names an initialiser method: <c>Type.Method</c>, without <c>global::</c>.</summary>
    public static string Display(InitializerModel initializer)
    {
        const string Global = "global::";
        string type = initializer.ContainingType.StartsWith(Global, StringComparison.Ordinal)
            ? initializer.ContainingType.Substring(Global.Length)
            : initializer.ContainingType;
        return type + "." + initializer.Method;
    }

    private static List<T> Sorted<T>(ImmutableArray<T> items, Func<T, string> order)
    {
        var sorted = new List<T>(items);
        // Stable: two attributes on one method share an order key and keep the order they were written in.
        var keyed = new List<KeyValuePair<int, T>>(sorted.Count);
        for (int i = 0; i < sorted.Count; i++)
        {
            keyed.Add(new KeyValuePair<int, T>(i, sorted[i]));
        }
        keyed.Sort((a, b) =>
        {
            int byOrder = string.CompareOrdinal(order(a.Value), order(b.Value));
            return byOrder != 0 ? byOrder : a.Key.CompareTo(b.Key);
        });
        for (int i = 0; i < keyed.Count; i++)
        {
            sorted[i] = keyed[i].Value;
        }
        return sorted;
    }

    /// <summary>Diagnostics in the order found, each once (the attributes on one method share their method's).</summary>
    private sealed class DiagnosticList
    {
        private readonly List<DiagnosticInfo> _items = new();
        private readonly HashSet<DiagnosticInfo> _seen = new();

        public void Add(DiagnosticInfo diagnostic)
        {
            if (_seen.Add(diagnostic))
            {
                _items.Add(diagnostic);
            }
        }

        public void AddRange(EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                Add(diagnostic);
            }
        }

        public EquatableArray<DiagnosticInfo> ToEquatableArray() => _items.ToEquatableArray();
    }
}
