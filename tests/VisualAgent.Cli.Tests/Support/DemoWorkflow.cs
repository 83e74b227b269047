using VisualAgent.Bench.Tasks;

namespace VisualAgent.Tests.Support;

/// <summary>The README's demo workflow as a task: log in with a secret, filter the orders by Pending, export the CSV.</summary>
internal static class DemoWorkflow
{
    public const string SecretName = "VA_E2E_DEMO_PASSWORD";

    /// <summary>The samples' only valid password (samples/README.md).</summary>
    public const string Password = "wonderland";

    public const string Steps =
        "type \"alice\" into the Username field; " +
        "type \"{{secret:" + SecretName + "}}\" into the Password field; " +
        "click the \"Log in\" button; verify \"Welcome, alice\"; click \"Orders\"; " +
        "select \"Pending\" in the Status field; click the \"Export CSV\" button; wait for the download";

    /// <summary>The app's verdict: the export holds exactly the Pending orders.</summary>
    public const string SuccessJs =
        "!!window.__state && !!window.__state.exported && window.__state.filter.status === 'Pending' " +
        "&& window.__state.exported.count === window.__orders.filter(o => o.status === 'Pending').length";

    public static BenchTask Task(string id)
    {
        Environment.SetEnvironmentVariable(SecretName, Password);
        return new BenchTask
        {
            Id = id, Url = "{{samples}}/login/", Instruction = Steps, Solution = Steps, SuccessJs = SuccessJs, MaxSteps = 30, TimeoutSeconds = 90,
        };
    }

    /// <summary>The rows of the CSV the run downloaded (header checked), or fails the test.</summary>
    public static IReadOnlyList<string[]> ExportedRows(string runFolder)
    {
        var run = RunFolder.RunJson(runFolder);
        var csv = run.GetProperty("downloads").EnumerateArray().Select(d => Path.Combine(runFolder, d.GetString()!))
            .FirstOrDefault(p => p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(csv);
        var lines = File.ReadAllLines(csv).Where(l => l.Length > 0).ToList();
        Assert.Equal("id,customer,date,status,amount", lines[0]);
        return [.. lines.Skip(1).Select(l => l.Split(','))];
    }
}
