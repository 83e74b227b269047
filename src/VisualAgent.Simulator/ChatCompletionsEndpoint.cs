using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Simulator;

/// <summary>POST /v1/chat/completions: faults first, then the answer from ground truth, written in the dialect's grammar.</summary>
internal sealed class ChatCompletionsEndpoint(SimulatedServer server, IModelDialect dialect, GroundTruth truth, FaultBook faults, SimulatedServerOptions options)
{
    public const string NoGroundTruth = "(simulated model: no ground truth was registered for this request)";
    public const string Malformed = "<<simulated malformed reply>> the target is somewhere near the top, I think";

    private int _counter;

    /// <summary>Scripted function calls, answered to requests that offer tools while the script is active.</summary>
    public ToolScript? Tools { get; init; }

    public async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var ct = linked.Token;
        using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: ct).ConfigureAwait(false);
        var request = ChatRequest.Parse(
            doc.RootElement,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
            context.Request.Headers.Accept.ToString() is { Length: > 0 } accept ? accept : null);
        var record = request.Record;
        server.Record(record);
        var status = await AnswerAsync(context, request, ct).ConfigureAwait(false);
        record.Status = status;
    }

    private async Task<int> AnswerAsync(HttpContext context, ChatRequest request, CancellationToken ct)
    {
        var record = request.Record;
        var response = context.Response;
        if (options.ApiKey is { } key && record.Authorization != $"Bearer {key}")
        {
            var sent = record.Authorization?.Replace("Bearer ", "", StringComparison.Ordinal) ?? "";
            await ChatResponseWriter.WriteErrorAsync(response, 401, "AuthenticationError", $"Incorrect API key provided: {sent}.", ct).ConfigureAwait(false);
            return 401;
        }

        if (!server.Serves(record.Model))
        {
            await ChatResponseWriter.WriteErrorAsync(response, 404, "NotFoundError", $"The model `{record.Model}` does not exist.", ct).ConfigureAwait(false);
            return 404;
        }

        var promptTokens = (request.TextChars + 3) / 4 + record.ImageSizes.Sum(ImageTokens);
        var fault = faults.Take(record.UserTexts);
        if (options.MaxContextTokens is { } limit && promptTokens > limit || fault?.Kind == SimulatedFaultKind.ContextTooLong)
        {
            await ChatResponseWriter.WriteErrorAsync(response, 400, "BadRequestError",
                $"This model's maximum context length is {options.MaxContextTokens ?? 0} tokens. However, you requested {promptTokens} tokens in the messages.", ct).ConfigureAwait(false);
            return 400;
        }

        switch (fault?.Kind)
        {
            case SimulatedFaultKind.Latency:
                await Task.Delay(fault.Delay, ct).ConfigureAwait(false);
                break;
            case SimulatedFaultKind.RateLimit:
                response.Headers.RetryAfter = ((int)Math.Ceiling(fault.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ChatResponseWriter.WriteErrorAsync(response, 429, "RateLimitError", "Simulated rate limit: too many requests.", ct).ConfigureAwait(false);
                return 429;
            case SimulatedFaultKind.ServerError:
                await ChatResponseWriter.WriteErrorAsync(response, 500, "InternalServerError", "Simulated internal server error.", ct).ConfigureAwait(false);
                return 500;
            case SimulatedFaultKind.Hang:
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                return 0;
            case SimulatedFaultKind.HugeReply:
                record.BytesWritten = await HostileReplies.WriteHugeAsync(response, record.Stream, fault.Size, ct).ConfigureAwait(false);
                return 200;
            case SimulatedFaultKind.HtmlPage:
                await HostileReplies.WriteHtmlAsync(response, ct).ConfigureAwait(false);
                return 200;
            case SimulatedFaultKind.Garbage:
                await HostileReplies.WriteGarbageAsync(response, record.Stream, ct).ConfigureAwait(false);
                return 200;
            case SimulatedFaultKind.MalformedChunk when record.Stream:
                await HostileReplies.WriteMalformedChunkAsync(response, ct).ConfigureAwait(false);
                return 200;
            case SimulatedFaultKind.MalformedChunk:
                await HostileReplies.WriteGarbageAsync(response, stream: false, ct).ConfigureAwait(false);
                return 200;
        }

        var text = fault?.Kind switch
        {
            SimulatedFaultKind.MalformedReply => Malformed,
            SimulatedFaultKind.Reply => fault.Text ?? "",
            _ when request.HasTools && Tools is { Active: true } tools => tools.Next(ToolScript.OfferedTools(record.Fields)),
            _ => ReplyText(record),
        };
        var reply = ChatReply.Create(text, options.StructuredToolCalls && request.HasTools, promptTokens);
        var id = $"chatcmpl-sim-{Interlocked.Increment(ref _counter)}";
        var model = record.Model.StartsWith("sim-", StringComparison.Ordinal) ? record.Model : "sim-" + record.Model;
        var writer = new ChatResponseWriter(id, model, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var truncate = fault?.Kind == SimulatedFaultKind.TruncatedStream;
        if (record.Stream && fault?.Kind != SimulatedFaultKind.NotStreamed)
        {
            await writer.WriteSseAsync(response, reply, request.IncludeUsage, options.ChunkSize, truncate, ct).ConfigureAwait(false);
        }
        else
        {
            await writer.WriteJsonAsync(response, reply, truncate, ct).ConfigureAwait(false);
        }

        if (truncate)
        {
            context.Abort();
        }

        return 200;
    }

    private string ReplyText(SimulatedRequest record)
    {
        if (truth.Find(record.UserTexts) is not { } found)
        {
            return NoGroundTruth;
        }

        var received = record.ImageSizes.Count > 0 ? record.ImageSizes[^1] : found.Original;
        // Serving mistakes (off by default): what the model saw, the family whose space it writes in, the axis order.
        var seen = options.ServerResizeFactor is { } factor
            ? new PixelSize(Math.Max(1, (int)Math.Round(received.Width * factor)), Math.Max(1, (int)Math.Round(received.Height * factor)))
            : received;
        var writer = options.ReplyDialect is { } other ? DialectRegistry.Get(other) : dialect;
        var answer = options.SwapAxes ? SwapAxes(found.Answer, found.Original) : found.Answer;
        var context = new ReplyContext(found.Original, seen) { Divisor = options.Divisor, PadToSquare = options.PadToSquare };
        return writer.FormatReply(answer, context);
    }

    /// <summary>The answer a y-first model gives: its grid numbers in swapped order, i.e. the point at (y/H*W, x/W*H).</summary>
    private static ParsedReply SwapAxes(ParsedReply answer, PixelSize original)
    {
        double X(double y) => y / original.Height * original.Width;
        double Y(double x) => x / original.Width * original.Height;
        return answer.Action is ClickAction click
            ? answer with
            {
                Action = new ClickAction(X(click.Y), Y(click.X), click.Button, click.Count)
                {
                    Box = click.Box is [var x1, var y1, var x2, var y2] ? [X(y1), Y(x1), X(y2), Y(x2)] : null,
                },
            }
            : answer;
    }

    private int ImageTokens(PixelSize size)
    {
        var factor = Math.Max(1, dialect.DefaultBudget.Factor);
        return (int)Math.Clamp(size.Area / ((long)factor * factor), 1, int.MaxValue);
    }
}
