using System.Text.Json;
using System.Text.Json.Serialization;
using VisualAgent.Errors;

namespace VisualAgent.Bench.Scoring;

/// <summary>Reads the grounding results of a bench run (results/&lt;model&gt;.jsonl) into one reliability table per
/// model that reports a confidence (metrics.confidence; the ocr profile does). Refusals (not_found) count apart.</summary>
public static class CalibrationReader
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <param name="path">A bench output folder (every results/*.jsonl) or one results file.</param>
    public static async Task<IReadOnlyDictionary<string, ReliabilityTable>> ReadAsync(string path, CancellationToken ct = default)
    {
        var files = Directory.Exists(path) && Directory.Exists(Path.Combine(path, "results"))
            ? Directory.GetFiles(Path.Combine(path, "results"), "*.jsonl").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path]
            : throw new UsageException($"'{path}' is neither a bench output folder (with results/) nor a results file.");
        var tables = new SortedDictionary<string, ReliabilityTable>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var answers = new List<(double, bool, bool)>();
            foreach (var line in await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false))
            {
                SampleResult? r;
                try
                {
                    r = line.Length == 0 ? null : JsonSerializer.Deserialize<SampleResult>(line, Json);
                }
                catch (JsonException)
                {
                    continue; // a line cut short by a killed run
                }

                if (r is null || r.Kind != "grounding")
                {
                    continue;
                }

                var confidence = r.Metrics.GetValueOrDefault("confidence", -1);
                if (r.Ok && confidence < 0)
                {
                    continue; // this model gives no confidence
                }

                answers.Add((Math.Max(0, confidence), r.Ok, r.Score >= 1));
            }

            if (answers.Count > 0)
            {
                tables[Path.GetFileNameWithoutExtension(file)] = ReliabilityTable.Of(answers);
            }
        }

        return tables;
    }
}
