using System.Collections.Generic;
using System.Linq;
using Runtime.Spec.Model;
using Runtime.Spec.Rules;
using Runtime.Spec.Yaml;

namespace Runtime.Spec.Reading;

internal sealed partial class SpecBinder
{
    private const string PatternsExpected = "a list of function names or patterns ('*', '?'; '!' in front excludes)";

    /// <summary>
    /// <c>aggregation</c>. A group's <c>functions</c> are applied in order: a name or pattern adds the functions it
    /// matches, one starting with <c>!</c> removes them, so taking a function out of a group is one line in either
    /// form (delete its name, or add <c>'!name'</c> under a pattern).
    /// </summary>
    private IReadOnlyList<AggregationGroup> Aggregation(Fields root, IReadOnlyList<FunctionSpec> functions)
    {
        var groups = new List<AggregationGroup>();
        if (root.Mapping("aggregation", "a mapping of group names to their 'functions'") is not { } mapping)
        {
            return groups;
        }
        string[] names = functions.Select(f => f.Name).ToArray();
        foreach (YamlEntry entry in mapping.Entries)
        {
            CheckEntryName(entry.Key, "group");
            if (EntryMapping(entry, "group") is not { } body)
            {
                continue;
            }
            var fields = new Fields(body, $"group '{entry.Key.Value}'", entry.Key.Location, this);
            List<(string Text, SpecLocation Location)> patterns = fields.StringList("functions", PatternsExpected, required: true) ?? [];
            var members = new List<string>();
            for (int i = 0; i < patterns.Count; i++)
            {
                (string pattern, SpecLocation location) = patterns[i];
                fields.Stamp($"functions[{i}]", location);
                Apply(entry.Key.Value, pattern, location, names, members);
            }
            if (fields.Has("functions") && members.Count == 0 && !Bag.HasErrorAt(patterns.Select(p => p.Location)))
            {
                Bag.Error(entry.Key.Location, $"group '{entry.Key.Value}' has no functions");
            }
            string prefix = "";
            const string prefixExpected = "a path prefix such as /api";
            if (fields.Entry("prefix", prefixExpected) is { } prefixEntry && Text(prefixEntry.Value, "prefix", prefixExpected) is { } text)
            {
                if (HttpPathRules.PrefixProblem(text) is { } problem)
                {
                    Bag.Error(prefixEntry.Value.Location, $"prefix '{text}' {problem}");
                }
                prefix = text;
            }
            var group = new AggregationGroup
            {
                Location = entry.Key.Location,
                Name = entry.Key.Value,
                Patterns = patterns.Select(p => p.Text).ToArray(),
                Functions = names.Where(members.Contains).ToArray(),
                Prefix = prefix,
                MemorySize = fields.Int("memorySize", MinMemory, MaxMemory, " of MB"),
                Timeout = fields.Int("timeout", 1, MaxTimeout, " of seconds"),
                Concurrency = fields.Int("concurrency", 1, MaxConcurrency, ""),
            };
            fields.Finish(group);
            groups.Add(group);
        }
        return groups;
    }

    private void Apply(string group, string pattern, SpecLocation location, string[] names, List<string> members)
    {
        bool exclude = pattern.StartsWith('!');
        string body = exclude ? pattern[1..] : pattern;
        string[] matched = names.Where(n => Glob.IsMatch(body, n)).ToArray();
        if (matched.Length == 0)
        {
            string message = Glob.HasWildcards(body)
                ? $"pattern '{pattern}' of group '{group}' matches no function"
                : $"group '{group}' names no function '{body}'{KeySuggestion.Hint(body, names)}";
            Bag.Error(location, message);
            return;
        }
        if (exclude)
        {
            if (!matched.Any(members.Contains))
            {
                Bag.Error(location, $"'{pattern}' excludes nothing: no function it matches is in group '{group}' by then");
            }
            members.RemoveAll(matched.Contains);
            return;
        }
        foreach (string name in matched)
        {
            if (!members.Contains(name))
            {
                members.Add(name);
            }
        }
    }
}
