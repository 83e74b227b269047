using VisualAgent.Bench.Scoring;


namespace VisualAgent.Bench.Reports;

/// <summary>
/// Per-group breakdowns: one per group field, plus the cross product of all fields when there are several (e.g.
/// platform x ui_type). Fields with one value, or a value per sample, break nothing down and are left out.
/// </summary>
internal static class GroupBreakdowns
{
    private const int MaxFields = 3;

    public static IReadOnlyList<GroupBreakdown> Of(IReadOnlyList<SampleResult> results)
    {
        var fields = results.SelectMany(r => r.Groups.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(f =>
            {
                var distinct = results.Select(r => r.Groups.GetValueOrDefault(f, "")).Distinct(StringComparer.Ordinal).Count();
                return distinct > 1 && (distinct < results.Count || results.Count <= 4);
            })
            .ToList();
        var sets = fields.Select(f => (IReadOnlyList<string>)[f]).ToList();
        if (fields.Count is > 1 and <= MaxFields)
        {
            sets.Add(fields);
        }

        return [.. sets.Select(set => Breakdown(results, set))];
    }

    private static GroupBreakdown Breakdown(IReadOnlyList<SampleResult> results, IReadOnlyList<string> fields)
    {
        var cells = results
            .GroupBy(r => string.Join('\u001f', fields.Select(f => r.Groups.GetValueOrDefault(f, ""))), StringComparer.Ordinal)
            .Select(g => new GroupCell(
                fields.ToDictionary(f => f, f => g.First().Groups.GetValueOrDefault(f, ""), StringComparer.Ordinal),
                g.Count(),
                BenchSummarizer.R(g.Average(r => r.Score))))
            .OrderBy(c => c.Label, StringComparer.Ordinal)
            .ToList();
        return new GroupBreakdown
        {
            Fields = fields,
            Micro = BenchSummarizer.R(results.Average(r => r.Score)),
            Macro = BenchSummarizer.R(cells.Average(c => c.Score)),
            Cells = cells,
        };
    }
}
