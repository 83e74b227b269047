namespace VisualAgent.Agent.Policy;

/// <summary>Origin matching for the policy: exact origins, host patterns, localhost and the start origin.</summary>
internal sealed class OriginRules(PolicyOptions options)
{
    public string? StartOrigin { get; set; }

    public static string? OriginOf(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Scheme is "file" ? "file://" : uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    public bool IsAllowed(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (uri.Scheme is "about")
        {
            return true;
        }

        var origin = OriginOf(url);
        if (origin is not null && string.Equals(origin, StartOrigin, StringComparison.Ordinal))
        {
            return true;
        }

        if (uri.Scheme is not ("http" or "https"))
        {
            return options.AllowedOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
        }

        if (options.AllowLocalhost && (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return options.AllowedOrigins.Any(entry => Matches(entry.Trim(), uri, origin!));
    }

    private static bool Matches(string entry, Uri uri, string origin)
    {
        if (entry.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(entry, UriKind.Absolute, out var e)
                && string.Equals(e.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase);
        }

        var host = uri.Host;
        return entry.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(entry[1..], StringComparison.OrdinalIgnoreCase) || host.Equals(entry[2..], StringComparison.OrdinalIgnoreCase)
            : host.Equals(entry, StringComparison.OrdinalIgnoreCase);
    }
}
