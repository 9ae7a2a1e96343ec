using System.Collections.Generic;
using System.Linq;

namespace Runtime.Spec.Rules;

/// <summary>The one layer stack of a group: every member's layers, each member's order kept.</summary>
internal static class LayerOrder
{
    /// <summary>
    /// A topological merge of the members' lists, ties broken by first appearance (so members listing the same
    /// layers in the same order give that order). False in <paramref name="consistent"/> when the lists order two
    /// layers both ways; the result then follows first appearance.
    /// </summary>
    public static List<string> Merge(IEnumerable<IReadOnlyList<string>> lists, out bool consistent)
    {
        var all = lists.ToArray();
        var seen = new List<string>();
        var before = new Dictionary<string, HashSet<string>>(System.StringComparer.Ordinal);
        foreach (IReadOnlyList<string> list in all)
        {
            for (int i = 0; i < list.Count; i++)
            {
                if (!seen.Contains(list[i]))
                {
                    seen.Add(list[i]);
                    before[list[i]] = new HashSet<string>(System.StringComparer.Ordinal);
                }
                for (int j = 0; j < i; j++)
                {
                    before[list[i]].Add(list[j]);
                }
            }
        }
        var order = new List<string>();
        consistent = true;
        while (order.Count < seen.Count)
        {
            string? next = seen.FirstOrDefault(l => !order.Contains(l) && before[l].All(order.Contains));
            if (next is null)
            {
                consistent = false;
                order.AddRange(seen.Where(l => !order.Contains(l)));
                break;
            }
            order.Add(next);
        }
        return order;
    }
}
