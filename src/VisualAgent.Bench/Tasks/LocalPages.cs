namespace VisualAgent.Bench.Tasks;

/// <summary>
/// A folder of local pages served over HTTP on 127.0.0.1 (the bench's static server): maps a task's file: URL under
/// <see cref="Root"/> to the same file on the server, query string and fragment kept.
/// </summary>
internal sealed record LocalPages(string Root, string BaseUrl)
{
    /// <summary>The served URL of a file: URL under <see cref="Root"/>; null for any other URL.</summary>
    public string? Map(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            return null;
        }

        var root = Path.GetFullPath(Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(uri.LocalPath);
        if (!file.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = string.Join('/', file[root.Length..].Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
        return BaseUrl.TrimEnd('/') + "/" + relative + uri.Query + uri.Fragment;
    }

    /// <summary>The folder to serve for these file: URLs: the deepest folder holding all of them (null when there are none).</summary>
    public static string? RootFor(IEnumerable<string> fileUrls)
    {
        ArgumentNullException.ThrowIfNull(fileUrls);
        string? common = null;
        foreach (var url in fileUrls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsFile)
            {
                continue;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(uri.LocalPath))!;
            common = common is null ? folder : Common(common, folder);
        }

        return common;
    }

    private static string Common(string a, string b)
    {
        var x = a.Split(Path.DirectorySeparatorChar);
        var y = b.Split(Path.DirectorySeparatorChar);
        var n = 0;
        while (n < x.Length && n < y.Length && string.Equals(x[n], y[n], StringComparison.Ordinal))
        {
            n++;
        }

        var joined = string.Join(Path.DirectorySeparatorChar, x.Take(n));
        return joined.Length == 0 ? Path.GetPathRoot(a) ?? "/" : joined;
    }
}
