using System.CommandLine;
using VisualAgent.Drivers.Desktop;
using VisualAgent.Hosting;

namespace VisualAgent.Cli.Hosting;

/// <summary>The desktop driver's options (--desktop, --display, --launch, --no-accessibility) and its session.</summary>
internal static class DesktopCommandOptions
{
    public static readonly Option<bool> DesktopOption = new("--desktop") { Description = "Act on the X11 desktop (DISPLAY or --display) instead of a browser page." };

    public static readonly Option<string?> DisplayOption = new("--display") { Description = "The X display for --desktop, e.g. :99 (default: DISPLAY)." };

    public static readonly Option<string?> LaunchOption = new("--launch") { Description = "With --desktop: start this command (through /bin/sh) and wait for its window first, e.g. --launch \"zenity --entry\"." };

    public static readonly Option<bool> NoAccessibilityOption = new("--no-accessibility") { Description = "With --desktop: pixels only, do not read the AT-SPI accessibility tree." };

    public static void AddOptions(Command command, bool launch = true)
    {
        command.Options.Add(DesktopOption);
        command.Options.Add(DisplayOption);
        if (launch)
        {
            command.Options.Add(LaunchOption);
        }

        command.Options.Add(NoAccessibilityOption);
    }

    public static bool Wanted(VerbContext context) => context.Get(DesktopOption);

    public static DesktopOptions ReadOptions(VerbContext context) => new()
    {
        Display = context.Get(DisplayOption),
        Accessibility = !context.Get(NoAccessibilityOption),
    };

    public static Task<DesktopSession> OpenSessionAsync(VerbContext context, CancellationToken ct) =>
        DesktopSession.OpenAsync(ReadOptions(context), context.Parse.GetResult(LaunchOption) is null ? null : context.Get(LaunchOption), ct);
}
