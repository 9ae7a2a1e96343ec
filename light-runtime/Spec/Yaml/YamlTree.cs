using System;
using System.Collections.Generic;
using System.IO;
using Runtime.Spec.Model;
using Runtime.Spec.Reading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Runtime.Spec.Yaml;

/// <summary>
/// Builds the <see cref="YamlNode"/> tree of one document from YamlDotNet's event parser (YamlDotNet.Core: a scanner
/// and a state machine, no reflection). Doing this ourselves rather than through <c>YamlStream</c> keeps going past a
/// repeated key (YamlStream throws at the first) so that every problem is reported in one pass.
/// </summary>
internal sealed class YamlTree
{
    private readonly IParser _parser;
    private readonly DiagnosticBag _bag;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);

    private YamlTree(string text, DiagnosticBag bag)
    {
        _parser = new Parser(new StringReader(text));
        _bag = bag;
    }

    /// <summary>The root of the file's one document; null when there is none or the YAML does not parse (reported).</summary>
    public static YamlNode? Load(string text, DiagnosticBag bag) => new YamlTree(text, bag).LoadDocument();

    private YamlNode? LoadDocument()
    {
        try
        {
            Expect<StreamStart>();
            if (Next() is not DocumentStart)
            {
                _bag.Error(new SpecLocation(1, 1), "the file is empty; expected a mapping with 'service', 'provider' and 'functions'");
                return null;
            }
            YamlNode root = ReadNode(Next());
            Expect<DocumentEnd>();
            if (Next() is DocumentStart second)
            {
                _bag.Error(At(second.Start), "expected one YAML document; another one starts here");
            }
            return root;
        }
        catch (YamlException ex)
        {
            // The classic f.yml slip: "{path: /users/{id}}", where '{' and '}' are YAML inside a flow mapping.
            string hint = ex.Message.Contains("flow mapping", StringComparison.Ordinal)
                ? " (inside '{...}', quote a value that contains '{' or '}', e.g. path: \"/users/{id}\")"
                : "";
            _bag.Error(At(ex.Start), "YAML syntax error: " + LowerFirst(ex.Message.TrimEnd('.')) + hint);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unterminated flow collections
            // (e.g. "a: [1" followed by more lines): still a syntax error, located at the last node it read.
            _bag.Error(At(_parser.Current?.Start ?? Mark.Empty), "YAML syntax error: unexpected end of a flow collection ('[...]' or '{...}') started here or before");
            return null;
        }
    }

    private YamlNode ReadNode(ParsingEvent start)
    {
        switch (start)
        {
            case AnchorAlias alias:
                if (_anchors.TryGetValue(alias.Value.Value, out YamlNode? target))
                {
                    return target;
                }
                _bag.Error(At(alias.Start), $"unknown alias '*{alias.Value.Value}'; no earlier node is anchored '&{alias.Value.Value}'");
                return new YamlScalar("", ScalarStyle.Plain, At(alias.Start), (int)alias.Start.Index, (int)alias.End.Index);

            case Scalar scalar:
                return Anchor(scalar, new YamlScalar(scalar.Value, scalar.Style, At(scalar.Start), (int)scalar.Start.Index, (int)scalar.End.Index));

            case SequenceStart sequenceStart:
            {
                var sequence = new YamlSequence(At(sequenceStart.Start));
                for (ParsingEvent next = Next(); next is not SequenceEnd; next = Next())
                {
                    sequence.Items.Add(ReadNode(next));
                }
                return Anchor(sequenceStart, sequence);
            }

            case MappingStart mappingStart:
            {
                var mapping = new YamlMapping(At(mappingStart.Start));
                var firstSeen = new Dictionary<string, SpecLocation>(StringComparer.Ordinal);
                for (ParsingEvent next = Next(); next is not MappingEnd; next = Next())
                {
                    YamlNode key = ReadNode(next);
                    YamlNode value = ReadNode(Next());
                    if (key is not YamlScalar scalarKey)
                    {
                        _bag.Error(key.Location, $"a key must be a plain string; got {key.Describe()}");
                    }
                    else if (scalarKey.Value == "<<" && scalarKey.Style == ScalarStyle.Plain)
                    {
                        _bag.Error(key.Location, "merge keys ('<<') are not supported; write the keys out");
                    }
                    else if (firstSeen.TryGetValue(scalarKey.Value, out SpecLocation first))
                    {
                        _bag.Error(key.Location, $"duplicate key '{scalarKey.Value}' (first at {first})");
                    }
                    else
                    {
                        firstSeen.Add(scalarKey.Value, key.Location);
                        mapping.Entries.Add(new YamlEntry(scalarKey, value));
                    }
                }
                return Anchor(mappingStart, mapping);
            }

            default:
                throw new YamlException(start.Start, start.End, $"unexpected {start.GetType().Name}");
        }
    }

    /// <summary>Checks the node's tag and remembers its anchor (after the node is complete, so a node cannot contain itself).</summary>
    private YamlNode Anchor(NodeEvent nodeEvent, YamlNode node)
    {
        if (!nodeEvent.Tag.IsEmpty && !nodeEvent.Tag.IsNonSpecific)
        {
            _bag.Error(At(nodeEvent.Start), $"YAML tags ('{nodeEvent.Tag.Value}') are not supported; f.yml gives each key its type");
        }
        if (!nodeEvent.Anchor.IsEmpty)
        {
            _anchors[nodeEvent.Anchor.Value] = node;
        }
        return node;
    }

    private ParsingEvent Next()
    {
        if (!_parser.MoveNext())
        {
            throw new YamlException(Mark.Empty, Mark.Empty, "Unexpected end of the file");
        }
        return _parser.Current!;
    }

    private void Expect<T>() where T : ParsingEvent
    {
        ParsingEvent next = Next();
        if (next is not T)
        {
            throw new YamlException(next.Start, next.End, $"Expected {typeof(T).Name}, got {next.GetType().Name}");
        }
    }

    internal static SpecLocation At(Mark mark) => new((int)mark.Line, (int)mark.Column);

    private static string LowerFirst(string s) => s.Length > 0 ? char.ToLowerInvariant(s[0]) + s[1..] : s;
}
