using VisualAgent.Errors;

namespace VisualAgent.Imaging;

/// <summary>
/// Reads an image file the careful way: only a regular file with content is opened (a device such as /dev/zero, a named
/// pipe or a folder is refused before anything is read, so nothing hangs or fills memory), its header must say PNG or
/// JPEG before the rest is read, and no file larger than <see cref="MaxBytes"/> is read at all.
/// </summary>
public static class ImageFile
{
    /// <summary>The largest image file read (256 MiB): far above any screenshot, far below what would exhaust memory.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private const int HeadBytes = 64;

    /// <summary>Why <paramref name="path"/> cannot be read as an image file (missing, a folder, not a regular file, too large), or null.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return $"'{path}' is a folder, not an image file";
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return $"the image '{path}' does not exist";
        }

        // Devices and named pipes report no length: refusing them here is what keeps /dev/zero from being read forever
        // and a pipe from blocking the open.
        if (info.Length == 0)
        {
            return $"'{path}' is not a regular file with content (empty, or a device or named pipe): give a PNG or JPEG file";
        }

        return info.Length > MaxBytes
            ? $"the image '{path}' is {info.Length:N0} bytes, more than the {MaxBytes:N0} an image file may have"
            : null;
    }

    /// <summary>The file's bytes, after <see cref="Problem"/> and a PNG/JPEG signature check; <see cref="ImageFormatException"/> otherwise.</summary>
    public static async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (Problem(path) is { } problem)
        {
            throw new ImageFormatException(Capitalised(problem) + ".");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            var length = stream.Length;
            if (length is <= 0 or > MaxBytes)
            {
                throw new ImageFormatException($"'{path}' changed while it was being read: give a PNG or JPEG file that is not being written.");
            }

            var bytes = new byte[length];
            var head = await stream.ReadAtLeastAsync(bytes.AsMemory(0, (int)Math.Min(HeadBytes, length)), (int)Math.Min(HeadBytes, length), throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (ImageHeader.DetectFormat(bytes.AsSpan(0, head)) is null)
            {
                throw new ImageFormatException($"'{path}' is not a PNG or JPEG image: its first bytes are not a PNG or JPEG signature.");
            }

            var read = head + await stream.ReadAtLeastAsync(bytes.AsMemory(head), bytes.Length - head, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read != bytes.Length)
            {
                throw new ImageFormatException($"'{path}' ended after {read:N0} of its {bytes.Length:N0} bytes: it changed while it was being read.");
            }

            return bytes;
        }
    }

    /// <summary>Up to <paramref name="count"/> bytes from the start of the file, after <see cref="Problem"/>; null with the reason otherwise.</summary>
    public static byte[]? ReadHead(string path, int count, out string? problem)
    {
        problem = Problem(path);
        if (problem is not null)
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var buffer = new byte[(int)Math.Min(stream.Length, count)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length ? buffer : buffer[..read];
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
