namespace VisualAgent.Errors;

/// <summary>The CLI's exit codes (documented in the README).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run or task ended as failed, or a check did not pass.</summary>
    public const int TaskFailed = 1;

    /// <summary>Bad usage or bad input: unknown option, unreadable file, malformed instruction.</summary>
    public const int Usage = 2;

    /// <summary>A model endpoint is unreachable or answered with an error.</summary>
    public const int ModelUnavailable = 3;

    /// <summary>The safety policy refused a step.</summary>
    public const int Blocked = 4;

    /// <summary>Something the machine needs is missing: a package, the browser, OCR data.</summary>
    public const int Environment = 5;

    /// <summary>The browser or desktop failed: navigation error, page crash, timeout.</summary>
    public const int Driver = 6;

    /// <summary>An unexpected internal error (a bug: please report it).</summary>
    public const int Internal = 70;

    /// <summary>Stopped by the user (Ctrl-C, SIGINT): 128 + 2.</summary>
    public const int Interrupted = 130;

    /// <summary>
    /// Stopped by SIGHUP (the terminal closed): 128 + 1. The run ends as after Ctrl-C ("interrupted", run.json and
    /// report.html written); the code says which signal, as a shell would for a process that signal ended.
    /// </summary>
    public const int HangUp = 129;

    /// <summary>Stopped by SIGTERM (`timeout`, `kill`, a service manager): 128 + 15; the run ends "interrupted" as after Ctrl-C.</summary>
    public const int Terminated = 143;
}
