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

        using var reader = CsvHelper.CsvReader.FromFile(csv, new CsvHelper.CsvReaderOptions { HasHeader = true }, FileOptions.SequentialScan);
        reader.ReadHeader();
        if (!reader.Headers.SequenceEqual(["id", "customer", "date", "status", "amount"], StringComparer.Ordinal))
        {
            return new ExportCheck(false, $"{Path.GetFileName(csv)} does not start with the header id,customer,date,status,amount", 0, 0);
        }

        var rows = new List<(string Id, string Status)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString("id"), reader.GetString("status")));
        }

        var expectedJson = await driver.EvaluateAsync(
            $"window.__orders.filter(o => o.status === '{Status}').map(o => o.id)", ct).ConfigureAwait(false);
        var expected = JsonSerializer.Deserialize<List<string>>(expectedJson) ?? [];
        var ids = rows.Select(r => r.Id).ToList();
        var wrongStatus = rows.Count(r => r.Status != Status);
        var passed = wrongStatus == 0 && ids.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        var message = passed
            ? $"{rows.Count} rows, all {Status}, exactly the app's {expected.Count} {Status} orders"
            : $"{rows.Count} rows ({wrongStatus} not {Status}); the app has {expected.Count} {Status} orders";
        return new ExportCheck(passed, message, rows.Count, expected.Count);
    }
}
