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

    /// <summary>Stopped by the user (Ctrl-C).</summary>
    public const int Interrupted = 130;
}
