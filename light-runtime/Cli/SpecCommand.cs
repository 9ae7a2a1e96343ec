using System;
using System.CommandLine;
using System.IO;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;

namespace Runtime.Cli;

/// <summary>
/// <c>faas spec</c>: f.yml to the cloud's own deployment files. Paths in them point at <c>dist/</c>, where
/// <c>faas package</c> writes the artifacts by default. On any error nothing is written and the exit code is 1.
/// </summary>
internal static class SpecCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        Option<CloudPlatform?> platform = CliOptions.Platform();
        Option<string> file = CliOptions.File();
        Option<string> output = CliOptions.Out(".", "Where to write the deployment files.");
        Option<bool> warnUnsupported = CliOptions.WarnUnsupported();
        Option<string[]> layerReferences = CliOptions.LayerReferences();
        Option<string?> image = CliOptions.Image();
        var command = new Command("spec", "Write the cloud's deployment files for f.yml (SAM template, serverless.yml, s.yaml, ...).")
        {
            platform, file, output, warnUnsupported, layerReferences, image,
        };
        command.SetAction(result => Run(
            result.GetValue(file)!, result.GetValue(platform), result.GetValue(output)!,
            CliOptions.GenerateOptions(result, warnUnsupported, layerReferences, image),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string file, CloudPlatform? platformOption, string outDirectory, GenerateOptions options, TextWriter output, TextWriter error)
    {
        var report = new Report();
        SpecInput? input = SpecInput.Load(file, report);
        if (input is null)
        {
            report.WriteTo(error);
            return 1;
        }
        CloudPlatform platform = platformOption ?? input.Spec.Provider.Name;
        GeneratedFiles generated = SpecGenerators.For(platform).Generate(
            input.Spec, input.Deployments, options);
        report.AddRange(file, generated.Diagnostics);
        if (report.HasErrors)
        {
            report.WriteTo(error);
            return 1;
        }
        try
        {
            foreach (GeneratedFile generatedFile in generated.Files)
            {
                string path = OutputFiles.WriteText(outDirectory, generatedFile.Path, generatedFile.Content);
                output.WriteLine($"wrote {path}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The disk refused: the user's to fix, reported like any other error.
            report.Error(outDirectory, $"cannot write the deployment files: {e.Message}");
        }
        report.WriteTo(error);
        return report.HasErrors ? 1 : 0;
    }
}
