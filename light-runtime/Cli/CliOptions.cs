using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;
using Runtime.Spec.Packaging;

namespace Runtime.Cli;

/// <summary>The options <c>spec</c> and <c>package</c> share, and their parsers.</summary>
internal static class CliOptions
{
    /// <summary><c>--platform</c>: the cloud to generate for; default f.yml's <c>provider.name</c>.</summary>
    public static Option<CloudPlatform?> Platform() => new("--platform", "-p")
    {
        Description = "The cloud: " + PlatformNames.List + " (default: provider.name in f.yml).",
        HelpName = string.Join('|', PlatformNames.Documented),
        CustomParser = static result =>
        {
            string text = result.Tokens[0].Value;
            if (PlatformNames.TryParse(text, out CloudPlatform platform))
            {
                return platform;
            }
            result.AddError($"'{text}' is not a platform; use one of {PlatformNames.List}.");
            return null;
        },
    };

    /// <summary><c>--file</c>: the spec.</summary>
    public static Option<string> File() => new("--file", "-f")
    {
        Description = "The service spec.",
        HelpName = "f.yml",
        DefaultValueFactory = static _ => "f.yml",
    };

    /// <summary><c>--out</c>: where files go.</summary>
    public static Option<string> Out(string defaultValue, string description) => new("--out", "-o")
    {
        Description = description,
        HelpName = "dir",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary><c>--warn-unsupported</c>.</summary>
    public static Option<bool> WarnUnsupported() => new("--warn-unsupported")
    {
        Description = "Report a setting the cloud cannot express as a warning and write the nearest equivalent, instead of failing.",
    };

    /// <summary><c>--target-glibc</c>: x.y.</summary>
    public static Option<GlibcVersion?> TargetGlibc() => new("--target-glibc")
    {
        Description = "The glibc of the runtime the bootstrap will run on (x.y), instead of the cloud's documented one "
            + "(aws 2.34, alibaba 2.36, knative 2.36; tencent, huawei and azure do not document theirs).",
        HelpName = "x.y",
        CustomParser = static result =>
        {
            string text = result.Tokens[0].Value;
            if (GlibcVersion.TryParse(text, out GlibcVersion version) && !text.StartsWith("GLIBC_", System.StringComparison.Ordinal))
            {
                return version;
            }
            result.AddError($"--target-glibc takes a version like 2.34; got '{text}'.");
            return null;
        },
    };

    /// <summary><c>--layer-ref name=reference</c> (repeatable): a published layer version for clouds whose file can only name one.</summary>
    public static Option<string[]> LayerReferences() => new("--layer-ref")
    {
        Description = "A published layer version for f.yml layer <name>, on clouds whose deployment file can only refer to one: "
            + "the layer version ARN on alibaba, the version number on tencent, the dependency version id on huawei (repeatable).",
        HelpName = "name=reference",
        Validators =
        {
            static result =>
            {
                foreach (System.CommandLine.Parsing.Token token in result.Tokens)
                {
                    int eq = token.Value.IndexOf('=');
                    if (eq <= 0 || eq == token.Value.Length - 1)
                    {
                        result.AddError($"--layer-ref takes name=reference; got '{token.Value}'.");
                    }
                }
            },
        },
    };

    /// <summary><c>--image</c>: Knative's container image template.</summary>
    public static Option<string?> Image() => new("--image")
    {
        Description = "knative: the image of each deployment, {service} and {deployment} replaced (default: a placeholder under registry.invalid).",
        HelpName = "image",
    };

    /// <summary>The generator options the shared flags give.</summary>
    public static GenerateOptions GenerateOptions(ParseResult result, Option<bool> warnUnsupported, Option<string[]> layerReferences, Option<string?> image)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in result.GetValue(layerReferences) ?? [])
        {
            int eq = pair.IndexOf('=');
            references[pair[..eq]] = pair[(eq + 1)..];
        }
        var options = new GenerateOptions
        {
            UnsupportedAsWarnings = result.GetValue(warnUnsupported),
            LayerReferences = references,
        };
        return result.GetValue(image) is { } template ? options with { ContainerImage = template } : options;
    }
}
