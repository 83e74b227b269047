using System.Text.Json;
using VisualAgent.Agent;
using VisualAgent.Drivers;

namespace VisualAgent.Cli.Commands;

/// <summary>The README's main job: log in with a secret, filter the orders by a status, export the CSV, check its rows.</summary>
internal static class Demo
{
    public const string SecretName = "VISUAL_AGENT_DEMO_PASSWORD";

    /// <summary>The samples' documented demo password (samples/README.md), used when the variable is not set.</summary>
    public const string Password = "wonderland";

    public const string Status = "Pending";

    public static readonly string Instruction =
        "open {{samples}}/login/; " +
        "type \"alice\" into the Username field; " +
        $"type \"{{{{secret:{SecretName}}}}}\" into the Password field; " +
        "click the \"Log in\" button; " +
        "verify \"Welcome, alice\"; " +
        "click \"Orders\"; " +
        $"select \"{Status}\" in the Status field; " +
        "click the \"Export CSV\" button; " +
        "wait for the download";

    /// <summary>The result of checking the exported CSV against the app's own state.</summary>
    public sealed record ExportCheck(bool Passed, string Message, int Rows, int Expected);

    public static async Task<ExportCheck> CheckExportAsync(IBrowserDriver driver, RunResult result, CancellationToken ct)
    {
        var csv = result.Record.Downloads.Select(d => Path.Combine(result.Folder, d)).FirstOrDefault(p => p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
        if (csv is null || !File.Exists(csv))
        {
            return new ExportCheck(false, "no CSV was downloaded", 0, 0);
        }

        var lines = (await File.ReadAllLinesAsync(csv, ct).ConfigureAwait(false)).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || lines[0] != "id,customer,date,status,amount")
        {
            return new ExportCheck(false, $"{Path.GetFileName(csv)} does not start with the header id,customer,date,status,amount", 0, 0);
        }

        var rows = lines.Skip(1).Select(SplitCsv).ToList();
        var expectedJson = await driver.EvaluateAsync(
            $"window.__orders.filter(o => o.status === '{Status}').map(o => o.id)", ct).ConfigureAwait(false);
        var expected = JsonSerializer.Deserialize<List<string>>(expectedJson) ?? [];
        var ids = rows.Select(r => r[0]).ToList();
        var wrongStatus = rows.Count(r => r.Count < 4 || r[3] != Status);
        var passed = wrongStatus == 0 && ids.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        var message = passed
            ? $"{rows.Count} rows, all {Status}, exactly the app's {expected.Count} {Status} orders"
            : $"{rows.Count} rows ({wrongStatus} not {Status}); the app has {expected.Count} {Status} orders";
        return new ExportCheck(passed, message, rows.Count, expected.Count);
    }

    /// <summary>Splits one CSV line (quotes, doubled quotes).</summary>
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
