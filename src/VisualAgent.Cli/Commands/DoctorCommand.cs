using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using VisualAgent.Cli.Hosting;
using VisualAgent.Errors;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent doctor`: checks packages, browser, OCR data, the native shim and each model endpoint.</summary>
internal static class DoctorCommand
{
    private static readonly Option<string?> ModelOption = new("--model") { Description = "Check only this model profile's endpoint." };

    public static Command Create()
    {
        var command = new Command("doctor", "Check system packages, the browser, OCR data, the native image shim and every configured model endpoint, and say what to install or start.\nExample: visual-agent doctor");
        command.Options.Add(CommonOptions.Json);
        command.Options.Add(ModelOption);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var only = context.Get(ModelOption);
        var checks = new List<DoctorCheck>();
        if (only is null)
        {
            checks.AddRange(CheckPackages());
            checks.Add(await CheckBrowserAsync(context.Configuration, ct).ConfigureAwait(false));
            checks.AddRange(CheckOcr(context.Configuration));
            checks.Add(CheckNative("OpenCV shim", "libvashim.so", "rebuild: dotnet build (needs libopencv-imgproc-dev libopencv-imgcodecs-dev)"));
        }

        checks.AddRange(await CheckModelsAsync(context.Configuration, only, ct).ConfigureAwait(false));

        if (context.Json)
        {
            CliOutput.WriteJson(checks);
        }
        else
        {
            var table = new Table().AddColumns("check", "status", "detail / what to do");
            foreach (var c in checks)
            {
                var status = c.Status switch { "ok" => "[green]ok[/]", "warning" => "[yellow]warning[/]", _ => "[red]missing[/]" };
                table.AddRow(Markup.Escape(c.Name), status, Markup.Escape(c.Detail));
            }

            CliOutput.Out.Write(table);
        }

        if (checks.Any(c => c.Status == "missing" && c.Required))
        {
            return ExitCodes.Environment;
        }

        return only is not null && checks.Any(c => c.Status != "ok") ? ExitCodes.ModelUnavailable : ExitCodes.Success;
    }

    private static IEnumerable<DoctorCheck> CheckPackages()
    {
        var list = Path.Combine(AppContext.BaseDirectory, "packages.txt");
        if (!File.Exists(list))
        {
            yield return new DoctorCheck("package list", "warning", "packages.txt is not beside the executable; run scripts/setup.sh --check", false);
            yield break;
        }

        foreach (var line in File.ReadLines(list))
        {
            var name = line.Split('#')[0].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            var installed = Run("dpkg-query", $"-W -f=${{Status}} {name}", TimeSpan.FromSeconds(10)).Output.Contains("install ok installed", StringComparison.Ordinal);
            yield return new DoctorCheck($"package {name}", installed ? "ok" : "missing",
                installed ? "installed" : $"apt-get install -y --no-install-recommends {name}   (or scripts/setup.sh)", true);
        }
    }

    private static async Task<DoctorCheck> CheckBrowserAsync(IConfiguration configuration, CancellationToken ct)
    {
        var configured = configuration["Browser:ExecutablePath"];
        string[] candidates = configured is { Length: > 0 }
            ? [configured]
            : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/usr/bin/microsoft-edge", "/opt/google/chrome/chrome"];
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return new DoctorCheck("browser", "missing", configured is { Length: > 0 }
                ? $"Browser:ExecutablePath '{configured}' does not exist; fix the setting"
                : "no Chromium found: apt-get install -y chromium, or set Browser:ExecutablePath to Chrome/Edge", true);
        }

        await Task.Yield();
        ct.ThrowIfCancellationRequested();
        var (code, output) = Run(path, "--version", TimeSpan.FromSeconds(20));
        return code == 0
            ? new DoctorCheck("browser", "ok", $"{output.Trim()} ({path})", true)
            : new DoctorCheck("browser", "missing", $"{path} --version failed: {output.Trim()}", true);
    }

    private static IEnumerable<DoctorCheck> CheckOcr(IConfiguration configuration)
    {
        yield return CheckNative("Tesseract library", "libtesseract.so.5", "apt-get install -y libtesseract5 tesseract-ocr");
        var dataPath = configuration["Ocr:DataPath"] is { Length: > 0 } d ? d : "/usr/share/tesseract-ocr/5/tessdata";
        var languages = configuration["Ocr:Languages"] is { Length: > 0 } l ? l : "eng";
        foreach (var lang in languages.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var file = Path.Combine(dataPath, lang + ".traineddata");
            yield return File.Exists(file)
                ? new DoctorCheck($"OCR data {lang}", "ok", file, true)
                : new DoctorCheck($"OCR data {lang}", "missing", $"apt-get install -y tesseract-ocr-{lang}   (or set Ocr:DataPath)", true);
        }
    }

    private static DoctorCheck CheckNative(string name, string library, string fix)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, library);
        var ok = NativeLibrary.TryLoad(File.Exists(beside) ? beside : library, out var handle);
        if (ok)
        {
            NativeLibrary.Free(handle);
        }

        return new DoctorCheck(name, ok ? "ok" : "missing", ok ? $"{library} loads" : fix, true);
    }

    private static async Task<IEnumerable<DoctorCheck>> CheckModelsAsync(IConfiguration configuration, string? only, CancellationToken ct)
    {
        var profiles = configuration.GetSection("Models").GetChildren()
            .Where(p => only is null || string.Equals(p.Key, only, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (only is not null && profiles.Count == 0)
        {
            throw new UsageException($"There is no model profile '{only}' in the configuration (Models:{only}). Known: {string.Join(", ", configuration.GetSection("Models").GetChildren().Select(c => c.Key))}.");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var tasks = profiles.Select(async p =>
        {
            var kind = p["Kind"] ?? "openai";
            var parsed = ModelKinds.TryParse(kind, out var k) ? k : (ModelKind?)null;
            if (parsed != ModelKind.OpenAi)
            {
                return new DoctorCheck($"model {p.Key}", "ok", parsed == ModelKind.Ocr ? "offline OCR grounder (no endpoint)" : parsed == ModelKind.Offline ? "offline: page elements, OCR where there are none (no endpoint)" : $"{kind} (no endpoint)", false);
            }

            var endpoint = p["Endpoint"] ?? p.GetSection("Endpoints").GetChildren().FirstOrDefault()?.Value;
            var shown = UrlRedaction.Redact(endpoint);
            if (string.IsNullOrWhiteSpace(endpoint))
            {
                return new DoctorCheck($"model {p.Key}", "warning", "no Endpoint configured", false);
            }

            try
            {
                using var reply = await http.GetAsync(new Uri(endpoint.TrimEnd('/') + "/models"), HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                return reply.IsSuccessStatusCode
                    ? new DoctorCheck($"model {p.Key}", "ok", $"{shown} answers", false)
                    : new DoctorCheck($"model {p.Key}", "warning", $"{shown} answered {(int)reply.StatusCode}: check the URL and the API key variable {p["ApiKeyEnv"]}", false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
            {
                return new DoctorCheck($"model {p.Key}", "warning", $"{shown} is not reachable: start the server (see README, 'Serving real models') or fix Models:{p.Key}:Endpoint", false);
            }
        });
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private static (int Code, string Output) Run(string file, string arguments, TimeSpan timeout)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "timed out");
            }

            return (process.ExitCode, output.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }

    private sealed record DoctorCheck(string Name, string Status, string Detail, bool Required);
}
