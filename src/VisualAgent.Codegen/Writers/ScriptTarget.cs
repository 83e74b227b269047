namespace VisualAgent.Codegen.Writers;

/// <summary>The languages and libraries a run can be exported to.</summary>
public enum ScriptTarget
{
    PlaywrightCSharp,
    PlaywrightTypeScript,
    PlaywrightPython,
    SeleniumCSharp,
    SeleniumPython,
}

/// <summary>Target names as the CLI takes them, file extensions, and the writer of each.</summary>
public static class ScriptTargets
{
    public static IReadOnlyList<string> Names { get; } = ["playwright-cs", "playwright-ts", "playwright-py", "selenium-cs", "selenium-py"];

    public static ScriptTarget Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "playwright-cs" => ScriptTarget.PlaywrightCSharp,
        "playwright-ts" => ScriptTarget.PlaywrightTypeScript,
        "playwright-py" => ScriptTarget.PlaywrightPython,
        "selenium-cs" => ScriptTarget.SeleniumCSharp,
        "selenium-py" => ScriptTarget.SeleniumPython,
        _ => throw new VisualAgent.Errors.UsageException($"Unknown target '{name}'. Use one of: {string.Join(", ", Names)}."),
    };

    public static string Name(this ScriptTarget target) => Names[(int)target];

    public static string Extension(this ScriptTarget target) => target switch
    {
        ScriptTarget.PlaywrightCSharp or ScriptTarget.SeleniumCSharp => ".cs",
        ScriptTarget.PlaywrightTypeScript => ".ts",
        _ => ".py",
    };

    public static ScriptWriter Writer(this ScriptTarget target) => target switch
    {
        ScriptTarget.PlaywrightCSharp => new PlaywrightCSharpWriter(),
        ScriptTarget.PlaywrightTypeScript => new PlaywrightTypeScriptWriter(),
        ScriptTarget.PlaywrightPython => new PlaywrightPythonWriter(),
        ScriptTarget.SeleniumCSharp => new SeleniumCSharpWriter(),
        _ => new SeleniumPythonWriter(),
    };
}
