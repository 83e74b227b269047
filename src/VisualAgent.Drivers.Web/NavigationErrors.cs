using VisualAgent.Errors;

namespace VisualAgent.Drivers.Web;

/// <summary>Turns Playwright's navigation failures into one-line messages naming the URL and what to try.</summary>
internal static class NavigationErrors
{
    public static DriverException Describe(string url, Exception ex, int timeoutMs)
    {
        var message = ex.Message;
        string reason;
        if (ex is TimeoutException || message.Contains("Timeout", StringComparison.Ordinal) && message.Contains("exceeded", StringComparison.Ordinal))
        {
            reason = $"it did not load within {timeoutMs} ms. Check that the server answers, or raise Browser:NavigationTimeoutMs";
        }
        else if (message.Contains("ERR_CONNECTION_REFUSED", StringComparison.Ordinal))
        {
            reason = "the connection was refused (nothing listens there). Check that the server is running and the port is right";
        }
        else if (message.Contains("ERR_NAME_NOT_RESOLVED", StringComparison.Ordinal) || message.Contains("ERR_NAME_RESOLUTION_FAILED", StringComparison.Ordinal))
        {
            reason = "the host name does not resolve (DNS). Check the spelling of the host, or the network";
        }
        else if (message.Contains("ERR_CERT", StringComparison.Ordinal) || message.Contains("ERR_SSL", StringComparison.Ordinal))
        {
            reason = "the TLS certificate was rejected. Use the site's proper host name, or a certificate the machine trusts";
        }
        else if (message.Contains("ERR_UNSAFE_PORT", StringComparison.Ordinal))
        {
            reason = "the browser refuses to connect to that port (it is on Chromium's unsafe-port list). Serve the site on another port";
        }
        else if (message.Contains("ERR_FILE_NOT_FOUND", StringComparison.Ordinal))
        {
            reason = "the file does not exist. Check the path";
        }
        else if (message.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal) || message.Contains("ERR_ADDRESS_UNREACHABLE", StringComparison.Ordinal)
            || message.Contains("ERR_CONNECTION_TIMED_OUT", StringComparison.Ordinal) || message.Contains("ERR_NETWORK", StringComparison.Ordinal))
        {
            reason = "the network cannot reach it. Check the address and that the machine is online";
        }
        else if (message.Contains("crash", StringComparison.OrdinalIgnoreCase))
        {
            reason = "the page crashed. Navigate again or restart the browser";
        }
        else
        {
            reason = FirstLine(message) + ". Check the URL";
        }

        return new DriverException($"Cannot open {url}: {reason}.", ex);
    }

    /// <summary>The first meaningful line of a Playwright message (they carry call logs after the first line).</summary>
    public static string FirstLine(string message)
    {
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? message;
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
