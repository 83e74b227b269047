namespace VisualAgent.Drivers.Web;

/// <summary>Temporary folders only this user can read (downloads can hold anything), removed by whoever made them.</summary>
internal static class PrivateFolder
{
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    public static void TryDelete(string? path)
    {
        try
        {
            if (path is not null && Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open (the browser is closing): the folder is private and small enough to leave.
        }
    }

    /// <summary>The size of the largest file in the folder (0 when there is none).</summary>
    public static long LargestFile(string path)
    {
        try
        {
            return Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles().Select(f => f.Length).DefaultIfEmpty(0).Max() : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
