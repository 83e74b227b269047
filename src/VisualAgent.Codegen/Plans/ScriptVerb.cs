namespace VisualAgent.Codegen.Plans;

/// <summary>What one script step does, in words every target can say (or refuse with a clear error).</summary>
public enum ScriptVerb
{
    Open,
    Click,
    DoubleClick,
    RightClick,
    Fill,
    TypeKeys,
    Select,
    Check,
    Uncheck,
    Press,
    Hover,
    Scroll,
    Upload,
    WaitText,
    WaitDownload,
    Wait,
    Verify,
    Back,
    Manual,
    Drag,
}
