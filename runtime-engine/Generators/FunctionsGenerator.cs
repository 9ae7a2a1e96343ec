using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Runtime.Engine.Generators.Emit;
using Runtime.Engine.Generators.Model;
using Runtime.Engine.Generators.Parsing;

namespace Runtime.Engine.Generators;

/// <summary>
/// Turns <c>[FaaSFunction]</c>, <c>[FaaSInitializer]</c> and <c>[FaaSService]</c> into one generated extension method,
/// <c>builder.AddAnnotatedFunctions()</c>, that registers them with the same public calls a user would write by hand
/// (<c>builder.Functions.AddHttp(...)</c>, <c>builder.Services.AddSingleton(...)</c>, ...). Nothing is found by reflection
/// at run time. Each attribute is read into a plain, comparable model (so an edit elsewhere leaves it cached); the
/// models are then checked together (duplicate names, initialisers' targets) and written out.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FunctionsGenerator : IIncrementalGenerator
{
    internal const string FunctionAttribute = "Runtime.Engine.Functions.Annotations.FaaSFunctionAttribute";
    internal const string InitializerAttribute = "Runtime.Engine.Functions.Annotations.FaaSInitializerAttribute";
    internal const string ServiceAttribute = "Runtime.Engine.Functions.Annotations.FaaSServiceAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ImmutableArray<FunctionModel>> functions = context.SyntaxProvider
            .ForAttributeWithMetadataName(FunctionAttribute,
                static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax,
                static (syntax, cancellationToken) => FunctionParser.Parse(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.Functions)
            .Collect();

        IncrementalValueProvider<ImmutableArray<InitializerModel>> initializers = context.SyntaxProvider
            .ForAttributeWithMetadataName(InitializerAttribute,
                static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax,
                static (syntax, cancellationToken) => InitializerParser.Parse(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.Initializers)
            .SelectMany(static (models, _) => models)
            .Collect();

        IncrementalValueProvider<ImmutableArray<ServiceModel>> services = context.SyntaxProvider
            .ForAttributeWithMetadataName(ServiceAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (syntax, cancellationToken) => ServiceParser.Parse(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.Services)
            .Collect();

        IncrementalValueProvider<RegistrationPlan> plan = functions
            .Combine(initializers)
            .Combine(services)
            .Select(static (all, _) => RegistrationPlan.Build(all.Left.Left, all.Left.Right, all.Right))
            .WithTrackingName(TrackingNames.Plan);

        context.RegisterSourceOutput(plan, static (output, plan) =>
        {
            foreach (DiagnosticInfo diagnostic in plan.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
            if (!plan.IsEmpty)
            {
                output.AddSource(Emitter.HintName, Emitter.Emit(plan));
            }
        });
    }
}
