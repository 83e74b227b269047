using System.Text.RegularExpressions;

namespace VisualAgent.Errors;

/// <summary>
/// Removes credentials written into URLs (http://user:password@host/...) from text meant for people: error messages,
/// logs, reports. The host, port and path stay, so the message still says where.
/// </summary>
public static partial class UrlRedaction
{
    public const string Mask = "***";

    /// <summary>The URL as text with any user information replaced by ***.</summary>
    public static string Redact(Uri? uri)
    {
        if (uri is null)
        {
            return "";
        }

        return uri.IsAbsoluteUri && uri.UserInfo.Length > 0 ? Redact(uri.OriginalString) : uri.ToString();
    }

    /// <summary>The text with the user information of every scheme://user[:password]@ URL in it replaced by ***.</summary>
    public static string Redact(string? text) =>
        string.IsNullOrEmpty(text) || !text.Contains('@', StringComparison.Ordinal) ? text ?? "" : UserInfo().Replace(text, "${scheme}" + Mask + "@");

    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/\s@""'<>]+@")]
    private static partial Regex UserInfo();
}
