using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LLama.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VisualAgent.Models.LlamaSharp;

/// <summary>
/// The process-wide llama.cpp native library: configured once, before it loads, so its log goes to our logger at Debug
/// (never to stderr) and, when set, a native library path chosen in appsettings (<see cref="LlamaSharpOptions"/>) is
/// used instead of the backend package's. Keeps the last error lines llama.cpp logged so a failed load can say why.
/// </summary>
public static partial class LlamaNative
{
    private const int RememberedLines = 12;
    private static readonly Lock Gate = new();
    private static readonly Queue<string> Problems = new();
    private static ILogger s_logger = NullLogger.Instance;
    private static bool s_configured;
    private static string? s_libraryPath;
    private static bool? s_mtmdRouted;

    /// <summary>Where the llama library came from: "backend package" or the configured path.</summary>
    public static string Source => s_libraryPath is null ? "backend package (LLamaSharp.Backend.*)" : s_libraryPath;

    /// <summary>
    /// The llama.cpp backend loaded in this process, e.g. "CPU (Avx2) from the backend package"; "not loaded yet" before the
    /// first model loads.
    /// </summary>
    public static string Backend
    {
        get
        {
            var metadata = NativeLibraryConfig.LLama.LibraryHasLoaded ? NativeApi.GetLoadedNativeLibrary(NativeLibraryName.LLama)?.Metadata : null;
            if (metadata is null)
            {
                return s_libraryPath is null ? "not loaded yet" : $"{s_libraryPath} (configured)";
            }

            var kind = metadata.UseCuda ? "CUDA" : metadata.UseVulkan ? "Vulkan" : "CPU";
            return s_libraryPath is null ? $"{kind} ({metadata.AvxLevel}) from the backend package" : $"{s_libraryPath} (configured)";
        }
    }

    /// <summary>
    /// Configures the native library the first time (later calls only replace the logger). Throws a UsageException when a
    /// configured library path does not exist.
    /// </summary>
    public static void Configure(ILogger? logger, LlamaSharpOptions? options = null)
    {
        lock (Gate)
        {
            if (logger is not null)
            {
                s_logger = logger;
            }

            if (s_configured)
            {
                return;
            }

            s_configured = true;
            if (NativeLibraryConfig.LLama.LibraryHasLoaded)
            {
                NativeLogConfig.llama_log_set(OnLog);
                return;
            }

            NativeLibraryConfig.All.WithLogCallback(OnLog);
            if (options?.LibraryPath is { Length: > 0 } path)
            {
                options.Check();
                s_libraryPath = Path.GetFullPath(path);
                NativeLibraryConfig.All.WithLibrary(s_libraryPath, options.MtmdLibraryPath is { Length: > 0 } m ? Path.GetFullPath(m) : null);
            }
        }
    }

    /// <summary>
    /// Sends the multimodal library's own log (the projector loader and image evaluation print through mtmd_log_set, not
    /// llama.cpp's logger) to the same place. LLamaSharp does not bind it: the exports are looked up in the libmtmd this
    /// process already loaded. Once per process; false when the exports are not found (the log then goes to stderr).
    /// </summary>
    public static unsafe bool RouteMultimodalLog()
    {
        lock (Gate)
        {
            if (s_mtmdRouted is { } done)
            {
                return done;
            }

            _ = NativeApi.MtmdDefaultMarker(); // makes LLamaSharp load libmtmd
            var name = OperatingSystem.IsWindows() ? "mtmd.dll" : OperatingSystem.IsMacOS() ? "libmtmd.dylib" : "libmtmd.so";
            var routed = false;
            if (NativeLibrary.TryLoad(name, out var library))
            {
                delegate* unmanaged[Cdecl]<int, byte*, nint, void> callback = &OnMultimodalLog;
                foreach (var export in (ReadOnlySpan<string>)["mtmd_log_set", "mtmd_helper_log_set"])
                {
                    if (NativeLibrary.TryGetExport(library, export, out var address))
                    {
                        ((delegate* unmanaged[Cdecl]<delegate* unmanaged[Cdecl]<int, byte*, nint, void>, nint, void>)address)(callback, 0);
                        routed = true;
                    }
                }
            }

            s_mtmdRouted = routed;
            return routed;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void OnMultimodalLog(int level, byte* text, nint userData)
    {
        try
        {
            OnLog((LLamaLogLevel)level, Marshal.PtrToStringUTF8((nint)text) ?? "");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // an exception must never unwind into native code; a lost log line is harmless
        }
    }

    /// <summary>The error and warning lines llama.cpp logged since the last call, oldest first, and forgets them.</summary>
    public static IReadOnlyList<string> TakeProblems()
    {
        lock (Gate)
        {
            var lines = Problems.ToList();
            Problems.Clear();
            return lines;
        }
    }

    private static void OnLog(LLamaLogLevel level, string message)
    {
        var text = message.TrimEnd();
        if (text.Length == 0)
        {
            return;
        }

        if (level is LLamaLogLevel.Error or LLamaLogLevel.Warning)
        {
            lock (Gate)
            {
                Problems.Enqueue(text);
                while (Problems.Count > RememberedLines)
                {
                    Problems.Dequeue();
                }
            }
        }

        LogNative(s_logger, level, text);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "llama.cpp {Level}: {Text}")]
    private static partial void LogNative(ILogger logger, LLamaLogLevel level, string text);
}
