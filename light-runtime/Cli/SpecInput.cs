using System.Collections.Generic;
using Runtime.Spec;
using Runtime.Spec.Model;

namespace Runtime.Cli;

/// <summary>f.yml read, validated and planned: what both commands start from.</summary>
internal sealed class SpecInput
{
    private SpecInput(string path, ServiceSpec spec, IReadOnlyList<Deployment> deployments)
    {
        Path = path;
        Spec = spec;
        Deployments = deployments;
    }

    /// <summary>f.yml's path as given (messages name it so).</summary>
    public string Path { get; }

    /// <summary>The service.</summary>
    public ServiceSpec Spec { get; }

    /// <summary>Its deployments, in f.yml order.</summary>
    public IReadOnlyList<Deployment> Deployments { get; }

    /// <summary>Reads and plans <paramref name="path"/>; null after adding the errors (and warnings) to <paramref name="report"/>.</summary>
    public static SpecInput? Load(string path, Report report)
    {
        try
        {
            SpecReadResult read = SpecReader.Read(path);
            report.AddRange(path, read.Warnings);
            return new SpecInput(path, read.Spec, DeploymentPlanner.Plan(read.Spec));
        }
        catch (SpecException e)
        {
            // Every problem in f.yml, each at its line: the command's output, then exit code 1.
            report.AddRange(e.SourcePath, e.Diagnostics);
            return null;
        }
    }
}
