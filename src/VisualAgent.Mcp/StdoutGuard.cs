using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace VisualAgent.Mcp;

/// <summary>
/// In `mcp` mode standard output carries protocol messages only. The protocol gets a private copy of the stdout
/// descriptor, and the process's own stdout (Console.Out, and on Unix the descriptor 1 that native libraries print to)
/// is pointed at stderr, so a stray line from any library cannot corrupt the stream.
/// </summary>
internal static partial class StdoutGuard
{
    public static Stream TakeProtocolStream()
    {
        Console.SetOut(Console.Error);
        if (OperatingSystem.IsWindows())
        {
            return Console.OpenStandardOutput();
        }

        var copy = Dup(1);
        if (copy < 0 || Dup2(2, 1) < 0)
        {
            // No descriptor to spare: keep the plain stream (managed writes are still redirected above).
            return Console.OpenStandardOutput();
        }

        return new FileStream(new SafeFileHandle(copy, ownsHandle: true), FileAccess.Write, bufferSize: 1);
    }

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int fd, int fd2);
}
