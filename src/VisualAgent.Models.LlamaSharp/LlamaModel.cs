using System.Diagnostics;
using LLama;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;
using Microsoft.Extensions.Logging;
using VisualAgent.Errors;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Models.LlamaSharp;

/// <summary>
/// A GGUF model (and its mmproj) loaded in this process: the weights, the multimodal projector and one context reused by
/// every request (its memory cleared between them; one generation at a time). Owns every native handle and releases
/// them on <see cref="Dispose"/>. Loaded through <see cref="LlamaModels"/>, which shares one load per process.
/// </summary>
public sealed partial class LlamaModel : IDisposable
{
    private readonly ILogger _logger;

    private LlamaModel(string name, InProcessModelOptions options, LLamaWeights weights, MtmdWeights? mtmd, LLamaContext context, string templateSource, TimeSpan loadTime, ILogger logger)
    {
        Name = name;
        Options = options;
        Weights = weights;
        Mtmd = mtmd;
        Context = context;
        TemplateSource = templateSource;
        LoadTime = loadTime;
        _logger = logger;
    }

    /// <summary>The profile the model was loaded for.</summary>
    public string Name { get; }

    public InProcessModelOptions Options { get; }

    internal LLamaWeights Weights { get; }

    internal MtmdWeights? Mtmd { get; }

    internal LLamaContext Context { get; }

    /// <summary>One generation at a time on the shared context.</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>"gguf" when the model's own chat template is used, else "fallback:NAME".</summary>
    public string TemplateSource { get; }

    /// <summary>Wall time of loading the weights, the mmproj and creating the context.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>True when an mmproj is loaded and it reads images.</summary>
    public bool SupportsImages => Mtmd?.SupportsVision == true;

    public uint ContextSize => Context.ContextSize;

    public int VocabularySize => Weights.Vocab.Count;

    /// <summary>True once the native handles are released.</summary>
    public bool IsDisposed => Weights.NativeHandle.IsClosed && Context.NativeHandle.IsClosed;

    /// <summary>
    /// Loads the model of <paramref name="profileName"/>. Bad files give a UsageException (exit 2) saying which setting names
    /// which file and what llama.cpp said about it.
    /// </summary>
    public static LlamaModel Load(string profileName, InProcessModelOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = $"Models:{profileName}:InProcess";
        var modelPath = Path.GetFullPath(options.ModelPath ?? throw new UsageException($"{prefix}:ModelPath is missing: give the GGUF model file."));
        var header = GgufHeader.Read(modelPath, $"{prefix}:ModelPath");
        string? mmprojPath = null;
        if (options.MmprojPath is { Length: > 0 } mm)
        {
            mmprojPath = Path.GetFullPath(mm);
            GgufHeader.Read(mmprojPath, $"{prefix}:MmprojPath");
        }

        LlamaNative.Configure(logger);
        var started = Stopwatch.GetTimestamp();
        var parameters = new ModelParams(modelPath)
        {
            ContextSize = options.ContextSize,
            GpuLayerCount = options.GpuLayers < 0 ? int.MaxValue : options.GpuLayers,
            Threads = options.Threads,
            BatchThreads = options.Threads,
        };
        LlamaNative.TakeProblems();
        LLamaWeights weights;
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (LoadWeightsFailedException ex)
        {
            throw new UsageException(
                $"{prefix}:ModelPath: llama.cpp could not load '{modelPath}' (GGUF v{header.Version}, {header.TensorCount} tensors, {header.FileBytes} bytes){Said()}. " +
                "Check that the file is complete (compare its size with the download) and of an architecture this llama.cpp supports (LLamaSharp 0.30).", ex);
        }

        MtmdWeights? mtmd = null;
        LLamaContext? context = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (mmprojPath is not null)
            {
                mtmd = LoadProjector(prefix, mmprojPath, modelPath, weights, options);
            }

            context = weights.CreateContext(parameters, logger);
            var template = ChooseTemplate(weights, options, logger);
            var model = new LlamaModel(profileName, options, weights, mtmd, context, template, Stopwatch.GetElapsedTime(started), logger);
            LogLoaded(logger, profileName, Path.GetFileName(modelPath), model.LoadTime.TotalMilliseconds, template, mtmd is not null);
            return model;
        }
        catch
        {
            context?.Dispose();
            mtmd?.Dispose();
            weights.Dispose();
            throw;
        }
    }

    private static MtmdWeights LoadProjector(string prefix, string mmprojPath, string modelPath, LLamaWeights weights, InProcessModelOptions options)
    {
        LlamaNative.RouteMultimodalLog();
        LlamaNative.TakeProblems();
        var mtmdParams = MtmdContextParams.Default();
        mtmdParams.UseGpu = options.GpuLayers != 0;
        mtmdParams.PrintTimings = false;
        mtmdParams.Warmup = false;
        if (options.Threads is { } threads)
        {
            mtmdParams.NThreads = threads;
        }

        try
        {
            return MtmdWeights.LoadFromFile(mmprojPath, weights, mtmdParams);
        }
        catch (Exception ex) when (ex is RuntimeError or InvalidOperationException or ArgumentException)
        {
            throw new UsageException(
                $"{prefix}:MmprojPath: llama.cpp could not load the projector '{mmprojPath}' for '{Path.GetFileName(modelPath)}'{Said()}. " +
                "It must be the mmproj-*.gguf published with this very model (same family and size): a projector of another model does not match.", ex);
        }
    }

    private static string ChooseTemplate(LLamaWeights weights, InProcessModelOptions options, ILogger logger)
    {
        if (weights.Metadata.ContainsKey("tokenizer.chat_template"))
        {
            try
            {
                var probe = new LLamaTemplate(weights, strict: true) { AddAssistant = true };
                probe.Add("user", "hi");
                _ = probe.Apply();
                return "gguf";
            }
            catch (Exception ex) when (ex is RuntimeError or InvalidOperationException or ArgumentException)
            {
                LogTemplateFallback(logger, options.FallbackTemplate, ex.Message);
            }
        }

        try
        {
            var fallback = new LLamaTemplate(options.FallbackTemplate) { AddAssistant = true };
            fallback.Add("user", "hi");
            _ = fallback.Apply();
        }
        catch (Exception ex) when (ex is RuntimeError or InvalidOperationException or ArgumentException)
        {
            throw new UsageException($"FallbackTemplate '{options.FallbackTemplate}' is not a template llama.cpp knows (chatml, llama3, gemma, mistral-v7, ...).", ex);
        }

        return "fallback:" + options.FallbackTemplate;
    }

    /// <summary>A fresh template of this model (its own, or the fallback) to render one request.</summary>
    internal LLamaTemplate NewTemplate() =>
        TemplateSource == "gguf"
            ? new LLamaTemplate(Weights, strict: true) { AddAssistant = true }
            : new LLamaTemplate(Options.FallbackTemplate) { AddAssistant = true };

    private static string Said()
    {
        var lines = LlamaNative.TakeProblems();
        return lines.Count == 0 ? "" : $"; llama.cpp said: {string.Join(" | ", lines.TakeLast(4))}";
    }

    public void Dispose()
    {
        Gate.Wait();
        try
        {
            Context.Dispose();
            Mtmd?.Dispose();
            Weights.Dispose();
            LogReleased(_logger, Name);
        }
        finally
        {
            Gate.Release();
            Gate.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "In-process model {Profile} ({File}) loaded in {Ms:F0} ms; chat template {Template}; images {Images}")]
    private static partial void LogLoaded(ILogger logger, string profile, string file, double ms, string template, bool images);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The GGUF chat template is not one llama.cpp can apply ({Reason}); using the fallback {Fallback}")]
    private static partial void LogTemplateFallback(ILogger logger, string fallback, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "In-process model {Profile} released")]
    private static partial void LogReleased(ILogger logger, string profile);
}
