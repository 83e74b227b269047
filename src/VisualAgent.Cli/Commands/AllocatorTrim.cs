using System.Runtime.InteropServices;

namespace VisualAgent.Cli.Commands;

/// <summary>
/// Hands the C allocator's free pages back to the system (glibc malloc_trim) before `bench memory` reads the resident
/// size, so the plateau check sees memory still allocated, not free memory the allocator keeps cached after a busy
/// stretch (that cache made the verdict flip under load). A real leak stays allocated and still shows.
/// </summary>
internal static class AllocatorTrim
{
    /// <summary>True when the trim ran (Linux with glibc); false elsewhere, where the reading is as before.</summary>
    public static bool Run()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (e.g. musl): no trim, the plain reading
        }
    }

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
