using System.Text.RegularExpressions;
using VisualAgent.Codegen.Validation;
using VisualAgent.Codegen.Writers;
using VisualAgent.Errors;

namespace VisualAgent.Codegen.Verification;

/// <summary>
/// Runs a generated script against the live app: C# as a file-based app (<c>dotnet run</c>), TypeScript compiled with
/// tsc and run with node. The script prints "step N: ..." before each step and "PASSED: ..." at its end, so a failure
/// names the recorded step it happened at. Python cannot run here (no Python packages): it says so.
/// </summary>
public static partial class ScriptVerifier
{
    public static async Task<VerifyResult> RunAsync(ScriptTarget target, string source, string scriptName, VerifyEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var env = new Dictionary<string, string?>(environment.Variables)
        {
            ["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["SE_OFFLINE"] = "true",
        };
        if (environment.BaseUrl is { } baseUrl)
        {
            env["BASE_URL"] = baseUrl;
        }

        if (environment.BrowserPath is { } browser)
        {
            env["BROWSER_PATH"] = browser;
        }

        ProcessRunner.Result run;
        long? firstStep = null;
        long? passedAt = null;
        void OnLine(string line)
        {
            if (firstStep is null && line.StartsWith("step 1:", StringComparison.Ordinal))
            {
                firstStep = System.Diagnostics.Stopwatch.GetTimestamp();
            }
            else if (line.StartsWith("PASSED:", StringComparison.Ordinal))
            {
                passedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            }
        }

        switch (target)
        {
            case ScriptTarget.PlaywrightCSharp or ScriptTarget.SeleniumCSharp:
            {
                var work = Directory.CreateTempSubdirectory("visual-agent-verify-").FullName;
                try
                {
                    var file = Path.Combine(work, Path.GetFileNameWithoutExtension(scriptName) + ".cs");
                    await File.WriteAllTextAsync(file, source, cancellationToken).ConfigureAwait(false);
                    run = await ProcessRunner.RunAsync("dotnet", ["run", file], work, env, environment.Timeout, cancellationToken, OnLine).ConfigureAwait(false);
                }
                finally
                {
                    Directory.Delete(work, recursive: true);
                }

                break;
            }

            case ScriptTarget.PlaywrightTypeScript:
            {
                var (results, work) = await ScriptChecker.CompileTypeScriptAsync([(Path.GetFileNameWithoutExtension(scriptName) + ".ts", source)], cancellationToken).ConfigureAwait(false);
                if (work is null || !results[0].Passed)
                {
                    throw new VisualAgentException($"The TypeScript script did not compile, so it cannot be verified: {results[0]}");
                }

                try
                {
                    run = await ProcessRunner.RunAsync("node", [Path.Combine(work, Path.GetFileNameWithoutExtension(scriptName) + ".js")], work, env, environment.Timeout, cancellationToken, OnLine).ConfigureAwait(false);
                }
                finally
                {
                    Directory.Delete(work, recursive: true);
                }

                break;
            }

            default:
                throw new UsageException($"--verify cannot run {target.Name()} scripts here: Python's playwright and selenium packages are not installable on this machine. The script is checked with py_compile; run it where 'pip install {(target == ScriptTarget.PlaywrightPython ? "playwright" : "selenium")}' works.");
        }

        var passed = run.ExitCode == 0 && run.Output.Contains("PASSED:", StringComparison.Ordinal);
        var last = StepLine().Matches(run.Output).LastOrDefault();
        int? failed = passed || last is null ? null : int.Parse(last.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var output = run.TimedOut ? run.Output + $"\n(timed out after {environment.Timeout.TotalSeconds:0} s)" : run.Output;
        var steps = passed && firstStep is { } a && passedAt is { } b ? System.Diagnostics.Stopwatch.GetElapsedTime(a, b) : (TimeSpan?)null;
        return new VerifyResult(passed, failed, passed ? null : last?.Groups[2].Value.Trim(), output, run.Elapsed) { StepsElapsed = steps };
    }

    [GeneratedRegex(@"^step (\d+): (.*)$", RegexOptions.Multiline)]
    private static partial Regex StepLine();
}
