using System.Runtime.InteropServices;

namespace VisualAgent.Vision.Ocr;

/// <summary>
/// Sets native environment variables through libc: Environment.SetEnvironmentVariable only changes .NET's copy,
/// which native libraries never see.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>OMP_THREAD_LIMIT=1 (unless the user set it): Tesseract is ~2x faster single-threaded on small machines.</summary>
    internal static void LimitOpenMpThreads()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = SetEnv("OMP_THREAD_LIMIT", "1", overwrite: 0);
        }
        catch (DllNotFoundException)
        {
            // Not glibc: OCR still works, only slower.
        }
        catch (EntryPointNotFoundException)
        {
            // As above.
        }
    }

    /// <summary>The variable as native code sees it (libc getenv).</summary>
    internal static string? Get(string name) => OperatingSystem.IsLinux() ? Marshal.PtrToStringUTF8(GetEnv(name)) : null;

    [LibraryImport("libc.so.6", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint GetEnv(string name);

    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
