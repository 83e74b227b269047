namespace VisualAgent.Codegen.Writers;

/// <summary>The languages and libraries a run can be exported to.</summary>
public enum ScriptTarget
{
    PlaywrightCSharp,
    PlaywrightTypeScript,
    PlaywrightPython,
    SeleniumCSharp,
    SeleniumPython,

    /// <summary>A desktop run as a .NET file-based app on the desktop driver (X11 + AT-SPI).</summary>
    DesktopCSharp,
}

/// <summary>Target names as the CLI takes them, file extensions, and the writer of each.</summary>
public static class ScriptTargets
{
    public static IReadOnlyList<string> Names { get; } = ["playwright-cs", "playwright-ts", "playwright-py", "selenium-cs", "selenium-py", "desktop-cs"];

    /// <summary>The targets a web run exports to (every one but desktop-cs).</summary>
    public static IReadOnlyList<string> WebNames { get; } = [.. Names.Where(n => n != "desktop-cs")];

    public static ScriptTarget Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "playwright-cs" => ScriptTarget.PlaywrightCSharp,
        "playwright-ts" => ScriptTarget.PlaywrightTypeScript,
        "playwright-py" => ScriptTarget.PlaywrightPython,
        "selenium-cs" => ScriptTarget.SeleniumCSharp,
        "selenium-py" => ScriptTarget.SeleniumPython,
        "desktop-cs" => ScriptTarget.DesktopCSharp,
        _ => throw new VisualAgent.Errors.UsageException($"Unknown target '{name}'. Use one of: {string.Join(", ", Names)}."),
    };

    public static string Name(this ScriptTarget target) => Names[(int)target];

    public static string Extension(this ScriptTarget target) => target switch
    {
        ScriptTarget.PlaywrightCSharp or ScriptTarget.SeleniumCSharp or ScriptTarget.DesktopCSharp => ".cs",
        ScriptTarget.PlaywrightTypeScript => ".ts",
        _ => ".py",
    };

    public static ScriptWriter Writer(this ScriptTarget target) => target switch
    {
        ScriptTarget.PlaywrightCSharp => new PlaywrightCSharpWriter(),
        ScriptTarget.PlaywrightTypeScript => new PlaywrightTypeScriptWriter(),
        ScriptTarget.PlaywrightPython => new PlaywrightPythonWriter(),
        ScriptTarget.SeleniumCSharp => new SeleniumCSharpWriter(),
        ScriptTarget.DesktopCSharp => new DesktopCSharpWriter(),
        _ => new SeleniumPythonWriter(),
    };
}
