using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Runtime.Cli.Packaging;
using Runtime.Spec;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;
using Runtime.Spec.Packaging;

namespace Runtime.Cli;

/// <summary>
/// <c>faas package</c>: per deployment, the code artifact the cloud takes (bootstrap, the run-time manifest of a group,
/// layers as the cloud takes them), and the deployment files pointing at them, all in <c>--out</c>. Everything is
/// checked first (f.yml, generator, bootstrap, glibc, layer folders): on any error nothing is written, exit code 1.
/// </summary>
internal static class PackageCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        Option<CloudPlatform?> platform = CliOptions.Platform();
        Option<string> file = CliOptions.File();
        Option<string> bootstrap = new("--bootstrap", "-b")
        {
            Description = "The published native bootstrap (dotnet publish -r linux-x64 of a PublishAot function project).",
            HelpName = "path",
            Required = true,
        };
        Option<string[]> functions = new("--function")
        {
            Description = "Package only this deployment: a function of f.yml, or an aggregation group (repeatable).",
            HelpName = "deployment",
        };
        Option<string> output = CliOptions.Out("dist", "Where to write the artifacts and the deployment files.");
        Option<GlibcVersion?> targetGlibc = CliOptions.TargetGlibc();
        Option<bool> warnUnsupported = CliOptions.WarnUnsupported();
        Option<string[]> layerReferences = CliOptions.LayerReferences();
        Option<string?> image = CliOptions.Image();
        var command = new Command("package", "Package the bootstrap and layers of each deployment for the cloud, with its deployment files.")
        {
            platform, file, bootstrap, functions, output, targetGlibc, warnUnsupported, layerReferences, image,
        };
        command.SetAction(result => Run(
            new PackageArguments(
                result.GetValue(file)!, result.GetValue(platform), result.GetValue(bootstrap)!, result.GetValue(functions) ?? [],
                result.GetValue(output)!, result.GetValue(targetGlibc),
                CliOptions.GenerateOptions(result, warnUnsupported, layerReferences, image)),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(PackageArguments arguments, TextWriter output, TextWriter error)
    {
        var report = new Report();
        PackageJob? job = Prepare(arguments, report);
        if (job is null || report.HasErrors)
        {
            report.WriteTo(error);
            return 1;
        }
        try
        {
            foreach (string written in Packager.Write(job))
            {
                output.WriteLine($"wrote {OutputFiles.PathOf(job.OutDirectory, written)}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The disk refused: the user's to fix, reported like any other error.
            report.Error(arguments.OutDirectory, $"cannot write the package: {e.Message}");
        }
        report.WriteTo(error);
        return report.HasErrors ? 1 : 0;
    }

    // Every check, in an order that reports as much as possible in one run; null (or errors in the report) when any failed.
    private static PackageJob? Prepare(PackageArguments arguments, Report report)
    {
        SpecInput? input = SpecInput.Load(arguments.File, report);
        BootstrapImage? bootstrap = BootstrapImage.TryRead(arguments.Bootstrap, out string? bootstrapError);
        if (bootstrapError is not null)
        {
            report.Error(arguments.Bootstrap, bootstrapError);
        }
        if (input is null)
        {
            return null;
        }
        CloudPlatform platform = arguments.Platform ?? input.Spec.Provider.Name;
        if (bootstrap is not null)
        {
            GlibcTarget.Check(bootstrap, platform, PlatformNames.Of(platform), arguments.TargetGlibc, report);
        }

        IReadOnlyList<Deployment>? deployments = Select(input, arguments.Functions, report);
        if (deployments is null)
        {
            return null;
        }
        GenerateOptions options = arguments.Generate with
        {
            // The deployment files go into --out beside the artifacts.
            ArtifactsDirectory = ".",
            Architecture = bootstrap?.Machine ?? "x86_64",
        };
        GeneratedFiles generated = SpecGenerators.For(platform).Generate(input.Spec, deployments, options);
        var naming = new GenerationContext(PlatformNames.Of(platform), input.Spec, options);
        report.AddRange(input.Path, generated.Diagnostics);

        string specDirectory = Path.GetDirectoryName(Path.GetFullPath(input.Path))!;
        var layers = new Dictionary<string, LayerFolder>(StringComparer.Ordinal);
        var looked = new HashSet<string>(StringComparer.Ordinal);
        foreach (LayerSpec layer in deployments.SelectMany(d => d.Layers))
        {
            // Once per layer, however many deployments use it, so a missing folder is one error.
            if (looked.Add(layer.Name) && LayerFolder.Find(layer, specDirectory, input.Path, report) is { } folder)
            {
                layers.Add(layer.Name, folder);
            }
        }
        if (bootstrap is null || report.HasErrors)
        {
            return null;
        }
        return new PackageJob
        {
            Platform = platform,
            Service = input.Spec.Service,
            OutDirectory = arguments.OutDirectory,
            Bootstrap = bootstrap,
            Deployments = deployments.Select(d => new PackagedDeployment(
                d,
                ManifestWriter.ToUtf8Bytes(input.Spec, d),
                // The Azure generator writes each function app into a folder named like the app (GenerationContext.FunctionName).
                platform == CloudPlatform.Azure ? naming.FunctionName(d) : null)).ToArray(),
            Layers = layers,
            GeneratedFiles = generated.Files.Select(f => KeyValuePair.Create(f.Path, f.Content)).ToArray(),
        };
    }

    // All deployments, or those --function names; a name that is no deployment is an error that lists them.
    private static IReadOnlyList<Deployment>? Select(SpecInput input, IReadOnlyList<string> names, Report report)
    {
        if (names.Count == 0)
        {
            return input.Deployments;
        }
        var selected = new List<Deployment>();
        foreach (string name in names.Distinct(StringComparer.Ordinal))
        {
            if (input.Deployments.FirstOrDefault(d => d.Name == name) is { } deployment)
            {
                selected.Add(deployment);
            }
            else if (input.Deployments.FirstOrDefault(d => d.Group is not null && d.Members.Any(m => m.Name == name)) is { } group)
            {
                report.Error(input.Path, $"--function {name}: '{name}' is deployed as part of aggregation group '{group.Name}'; package it with --function {group.Name}");
            }
            else
            {
                report.Error(input.Path, $"--function {name}: no function or aggregation group of that name; the deployments are: "
                    + string.Join(", ", input.Deployments.Select(d => d.Name)));
            }
        }
        // In f.yml order whatever the order on the command line, so the output does not depend on it.
        return report.HasErrors ? null : input.Deployments.Where(selected.Contains).ToArray();
    }

    private sealed record PackageArguments(
        string File, CloudPlatform? Platform, string Bootstrap, IReadOnlyList<string> Functions,
        string OutDirectory, GlibcVersion? TargetGlibc, GenerateOptions Generate);
}
