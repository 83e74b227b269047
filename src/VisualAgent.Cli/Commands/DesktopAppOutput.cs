using VisualAgent.Agent.Policy;
using VisualAgent.Drivers.Desktop;

namespace VisualAgent.Cli.Commands;

/// <summary>
/// What the app a desktop run launched printed, kept beside the run as app-output.txt (secrets masked): the app's own
/// answer (zenity prints the form it was given) is how a user checks the run did what it said.
/// </summary>
internal sealed record DesktopAppOutput(string Command, int? ExitCode, string Stdout, string File)
{
    /// <summary>Waits a moment for an app the run closed to finish, then writes its output.</summary>
    public static async Task<DesktopAppOutput> KeepAsync(LaunchedApp app, string runFolder, SecretMasker masker, CancellationToken ct)
    {
        await app.WaitForExitAsync(TimeSpan.FromSeconds(app.HasExited ? 2 : 1), ct).ConfigureAwait(false);
        var stdout = masker.Apply(app.StandardOutput) ?? "";
        var file = Path.Combine(runFolder, "app-output.txt");
        await System.IO.File.WriteAllTextAsync(file, stdout, ct).ConfigureAwait(false);
        return new DesktopAppOutput(masker.Apply(app.Command) ?? "", app.ExitCode, stdout, file);
    }
}
