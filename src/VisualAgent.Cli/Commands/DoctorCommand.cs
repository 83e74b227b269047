using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using VisualAgent.Cli.Hosting;
using VisualAgent.Errors;
using VisualAgent.Hosting.ServingCheck;
using VisualAgent.Models.Profiles;
using VisualAgent.Models.Serving;

namespace VisualAgent.Cli.Commands;

/// <summary>`visual-agent doctor`: a one-line verdict, then packages, browser, OCR data, OpenCV (version) and each model endpoint.</summary>
internal static class DoctorCommand
{
    private static readonly Option<string?> ModelOption = new("--model") { Description = "Check only this model profile's endpoint." };

    private static readonly Option<string?> CheckModelOption = new("--check-model") { Description = "Serving self-check of this model profile: it grounds drawn golden targets and looks for a systematic error a known serving mistake explains (server-side resize, /999 vs /1000, grid vs pixels, padded square, swapped axes), then says what to set. Exit 0 passed, 1 misconfigured or inconclusive, 3 unreachable." };
    private static readonly Option<string?> DisplayOption = new("--display") { Description = "The X display for the desktop checks (default: DISPLAY)." };

    public static Command Create()
    {
        var command = new Command("doctor", "Say first whether this machine is ready (offline, or with which models), then check system packages, the browser, OCR data, OpenCV, the desktop (X display, accessibility bus, a calibration click) and every configured model endpoint (a local server is to be started, a hosted one needs its API key variable), and say what to do.\nExample: visual-agent doctor");
        command.Options.Add(CommonOptions.Json);
        command.Options.Add(ModelOption);
        command.Options.Add(CheckModelOption);
        command.Options.Add(DisplayOption);
        command.SetHandler(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        if (context.Get(CheckModelOption) is { } checkModel)
        {
            return await CheckServingAsync(context, checkModel, ct).ConfigureAwait(false);
        }

        var only = context.Get(ModelOption);
        var checks = new List<DoctorCheck>();
        if (only is null)
        {
            checks.AddRange(CheckPackages());
            checks.Add(await CheckBrowserAsync(context.Configuration, ct).ConfigureAwait(false));
            checks.AddRange(CheckOcr(context.Configuration));
            checks.Add(CheckOpenCv());
            checks.AddRange(await DoctorDesktopChecks.CheckAsync(context.Get(DisplayOption), ct).ConfigureAwait(false));
        }

        checks.AddRange(await DoctorModelChecks.CheckAsync(context.Configuration, only, ct).ConfigureAwait(false));
        var verdict = DoctorVerdict.From(checks, only);

        if (context.Json)
        {
            CliOutput.WriteJson(new { verdict = verdict.Text, ready = verdict.Ready, models = verdict.Models, checks });
        }
        else
        {
            CliOutput.Out.MarkupLineInterpolated($"[bold {(verdict.Ready ? "green" : "red")}]{verdict.Text}[/]");
            var table = new Table().AddColumns("check", "status", "detail / what to do");
            foreach (var c in checks)
            {
                var status = c.Status switch { DoctorCheck.Ok => "[green]ok[/]", DoctorCheck.Warning => "[yellow]warning[/]", _ => "[red]missing[/]" };
                table.AddRow(Markup.Escape(c.Name), status, Markup.Escape(c.Detail));
            }

            CliOutput.Out.Write(table);
        }

        if (checks.Any(c => c.Status == DoctorCheck.Missing && c.Required))
        {
            return ExitCodes.Environment;
        }

        return only is not null && !verdict.Ready ? ExitCodes.ModelUnavailable : ExitCodes.Success;
    }

    /// <summary>`doctor --check-model P`: the serving self-check alone.</summary>
    internal static async Task<int> CheckServingAsync(VerbContext context, string profileName, CancellationToken ct)
    {
        await using var stack = await ModelStacks.OpenAsync(context, profileName, ct).ConfigureAwait(false);
        var report = await ServingSelfCheck.RunAsync(stack, ct).ConfigureAwait(false);
        if (context.Json)
        {
            CliOutput.WriteJson(ServingCheckOutput.ToJson(report));
        }
        else
        {
            ServingCheckOutput.Print(report, CliOutput.Out);
        }

        return report.Diagnosis.Verdict == ServingVerdict.Pass ? ExitCodes.Success : ExitCodes.TaskFailed;
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

    /// <summary>Loads OpenCV through OpenCvSharp (libOpenCvSharpExtern.so from the NuGet runtime package) and reports its version.</summary>
    private static DoctorCheck CheckOpenCv()
    {
        try
        {
            return new DoctorCheck("OpenCV", "ok", $"OpenCV {VisualAgent.Vision.Native.NativeDiagnostics.OpenCvVersion} (OpenCvSharp4)", true);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return new DoctorCheck("OpenCV", "missing",
                $"libOpenCvSharpExtern.so does not load ({ex.GetBaseException().Message}); run scripts/setup.sh (it installs libgtk-3-0, which the library links) and rebuild", true);
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
}
