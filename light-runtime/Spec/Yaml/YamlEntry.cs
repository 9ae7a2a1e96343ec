namespace Runtime.Spec.Yaml;

/// <summary>One key and its value in a <see cref="YamlMapping"/>; keys are scalars (f.yml has no complex keys).</summary>
internal sealed record YamlEntry(YamlScalar Key, YamlNode Value);
