using System.Diagnostics;
using LLama;
using LLama.Native;
using LLama.Sampling;
using Microsoft.Extensions.AI;
using VisualAgent.Errors;
using VisualAgent.Models.Client;

namespace VisualAgent.Models.LlamaSharp;

/// <summary>
/// Runs one prompt through a <see cref="LlamaModel"/>'s shared context: clears its memory, evaluates the prompt (text
/// tokens, or text and image chunks through the projector), then samples token by token until an end token, a stop
/// sequence or the token limit. Cancellation is checked between prompt batches and before every token.
/// </summary>
internal static class LlamaGenerator
{
    public const int DefaultMaxTokens = 512;

    public static async Task<LlamaGeneration> GenerateAsync(LlamaModel model, LlamaPrompt prompt, ChatOptions? options, Action<string>? onText, CancellationToken cancellationToken)
    {
        await model.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Generate(model, prompt, options, onText, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            model.Gate.Release();
        }
    }

    private static LlamaGeneration Generate(LlamaModel model, LlamaPrompt prompt, ChatOptions? options, Action<string>? onText, CancellationToken cancellationToken)
    {
        var context = model.Context;
        context.NativeHandle.MemoryClear(true);
        var started = Stopwatch.GetTimestamp();
        var (past, imageTokens) = prompt.Images.Count > 0
            ? EvaluateMultimodal(model, prompt, cancellationToken)
            : (EvaluateText(model, prompt.Text, cancellationToken), 0);
        var promptTime = Stopwatch.GetElapsedTime(started);

        var maxTokens = options?.MaxOutputTokens ?? DefaultMaxTokens;
        var room = (int)context.ContextSize - past;
        if (room <= 0)
        {
            throw ContextFull(model, past);
        }

        maxTokens = Math.Min(maxTokens, room);
        using var sampler = CreateSampler(options);
        var decoder = new StreamingTokenDecoder(context);
        var stops = options?.StopSequences ?? [];
        var text = new System.Text.StringBuilder();
        var batch = new LLamaBatch();
        var generated = 0;
        var hitLimit = true;
        var generationStarted = Stopwatch.GetTimestamp();
        while (generated < maxTokens)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = sampler.Sample(context.NativeHandle, -1);
            if (token.IsEndOfGeneration(context.Vocab))
            {
                hitLimit = false;
                break;
            }

            sampler.Accept(token);
            generated++;
            decoder.Add(token);
            var piece = decoder.Read();
            text.Append(piece);
            if (stops.Count > 0 && StopAt(text, stops) is { } cut)
            {
                text.Length = cut;
                hitLimit = false;
                break;
            }

            if (piece.Length > 0)
            {
                onText?.Invoke(piece);
            }

            batch.Clear();
            batch.Add(token, past++, LLamaSeqId.Zero, true);
            Decode(model, context, batch);
        }

        return new LlamaGeneration
        {
            Text = text.ToString(),
            PromptTokens = past - generated,
            ImageTokens = imageTokens,
            OutputTokens = generated,
            HitLimit = hitLimit,
            PromptTime = promptTime,
            GenerationTime = Stopwatch.GetElapsedTime(generationStarted),
        };
    }

    private static int EvaluateText(LlamaModel model, string text, CancellationToken cancellationToken)
    {
        var context = model.Context;
        var tokens = context.Tokenize(text, addBos: true, special: true);
        if (tokens.Length >= context.ContextSize)
        {
            throw ContextFull(model, tokens.Length);
        }

        var batch = new LLamaBatch();
        var size = (int)context.BatchSize;
        for (var start = 0; start < tokens.Length; start += size)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Clear();
            var end = Math.Min(tokens.Length, start + size);
            for (var i = start; i < end; i++)
            {
                batch.Add(tokens[i], i, LLamaSeqId.Zero, i == tokens.Length - 1);
            }

            Decode(model, context, batch);
        }

        return tokens.Length;
    }

    private static (int Past, int ImageTokens) EvaluateMultimodal(LlamaModel model, LlamaPrompt prompt, CancellationToken cancellationToken)
    {
        var mtmd = model.Mtmd!;
        mtmd.ClearMedia();
        foreach (var image in prompt.Images)
        {
            using var embed = mtmd.LoadMedia(image.Span);
            if (embed is null)
            {
                throw new ImageFormatException($"In-process model {model.Name}: the projector could not decode an image ({image.Length} bytes); send PNG or JPEG.");
            }
        }

        var status = mtmd.Tokenize(prompt.Text, addSpecial: true, parseSpecial: true, out var chunks);
        using (chunks)
        {
            if (status != 0 || chunks is null)
            {
                throw new ModelUnavailableException($"In-process model {model.Name}: the prompt and its {prompt.Images.Count} image(s) could not be tokenized (mtmd status {status}: the number of image markers and images differ, or an image could not be read).");
            }

            var total = (int)chunks.CountTokens();
            if (total >= model.Context.ContextSize)
            {
                throw ContextFull(model, total);
            }

            var imageTokens = chunks.Enumerate().Where(c => c.Type != SafeMtmdInputChunk.SafeMtmdInputChunkType.Text).Sum(c => (int)c.NTokens);
            cancellationToken.ThrowIfCancellationRequested();
            var past = 0;
            var result = mtmd.EvaluateChunks(chunks, model.Context.NativeHandle, ref past, 0, (int)model.Context.BatchSize, true);
            if (result != 0)
            {
                throw new ModelUnavailableException($"In-process model {model.Name}: evaluating the prompt's images failed (mtmd status {result}){Said()}.");
            }

            return (past, imageTokens);
        }
    }

    private static void Decode(LlamaModel model, LLamaContext context, LLamaBatch batch)
    {
        var result = context.Decode(batch);
        if (result != DecodeResult.Ok)
        {
            throw result == DecodeResult.NoKvSlot
                ? ContextFull(model, (int)context.ContextSize)
                : new ModelUnavailableException($"In-process model {model.Name}: llama.cpp's decode failed ({result}){Said()}.");
        }
    }

    private static DefaultSamplingPipeline CreateSampler(ChatOptions? options)
    {
        var penalty = options?.AdditionalProperties?.TryGetValue(SamplingChatOptions.RepetitionPenaltyField, out var rp) == true && rp is double p ? (float)p : 1f;
        return new DefaultSamplingPipeline
        {
            Temperature = options?.Temperature ?? 0.8f,
            TopP = options?.TopP ?? 0.95f,
            TopK = options?.TopK ?? 40,
            RepeatPenalty = penalty,
            Seed = options?.Seed is { } seed ? unchecked((uint)seed) : (uint)Random.Shared.Next(),
        };
    }

    private static int? StopAt(System.Text.StringBuilder text, IList<string> stops)
    {
        var s = text.ToString();
        var cut = -1;
        foreach (var stop in stops)
        {
            var at = stop.Length == 0 ? -1 : s.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (cut < 0 || at < cut))
            {
                cut = at;
            }
        }

        return cut < 0 ? null : cut;
    }

    private static ModelUnavailableException ContextFull(LlamaModel model, int tokens) =>
        new($"In-process model {model.Name}: the prompt ({tokens} tokens) does not fit its context of {model.Context.ContextSize} tokens: raise Models:{model.Name}:InProcess:ContextSize or lower the image budget (MaxPixels).",
            new ModelCallFailure(ModelFailureKind.ContextTooLong, $"prompt of {tokens} tokens exceeds the context of {model.Context.ContextSize}"));

    private static string Said()
    {
        var lines = LlamaNative.TakeProblems();
        return lines.Count == 0 ? "" : $"; llama.cpp said: {string.Join(" | ", lines.TakeLast(4))}";
    }
}
