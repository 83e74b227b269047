using System.Reflection;

namespace VisualAgent.Drivers.Web;

/// <summary>
/// The page JavaScript the driver runs, kept as .js files beside this class (embedded resources): every piece of page
/// JavaScript of the product lives in this folder.
/// </summary>
internal static class PageScripts
{
    /// <summary>The page model (candidates, states, text, hit-testing); a function of { op, ref, x, y, limit }.</summary>
    public static string PageModel { get; } = Load("page-model.js");

    /// <summary>The one locator ranking, a function of (element, helpers); see the file's header.</summary>
    public static string Locators { get; } = Load("locators.js");

    /// <summary>
    /// The one rule for "the page shows TEXT" (verify, wait for text), a function of { text, scroll, explain }; generated
    /// scripts embed the same file (the codegen project embeds it too), so run, replay and scripts agree.
    /// </summary>
    public static string ShowsText { get; } = Load("page-shows-text.js");

    /// <summary>The init script that counts DOM mutations of each document.</summary>
    public static string Activity { get; } = Load("activity.js");

    private static string Load(string name)
    {
        var assembly = typeof(PageScripts).Assembly;
        using var stream = assembly.GetManifestResourceStream("VisualAgent.Drivers.Web.Scripts." + name)
            ?? throw new InvalidOperationException($"The page script {name} is not embedded in {assembly.GetName().Name}; check the csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
