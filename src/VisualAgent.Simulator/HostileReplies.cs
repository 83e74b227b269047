using System.Text;
using Microsoft.AspNetCore.Http;

namespace VisualAgent.Simulator;

/// <summary>Bodies a hostile or broken server sends with HTTP 200: a huge reply, an HTML page, garbage, a malformed stream chunk.</summary>
internal static class HostileReplies
{
    private const int Piece = 64 * 1024;
    private const long PacedAfter = 4L * 1024 * 1024;

    /// <summary>Writes <paramref name="size"/> bytes in 64 KB pieces (no Content-Length); returns how many got written before the client stopped reading.</summary>
    public static async Task<long> WriteHugeAsync(HttpResponse response, bool stream, long size, CancellationToken ct)
    {
        response.ContentType = stream ? "text/event-stream" : "application/json";
        var head = stream ? "" : """{"id":"chatcmpl-huge","object":"chat.completion","created":0,"model":"sim","choices":[{"index":0,"message":{"role":"assistant","content":" """;
        var line = stream
            ? "data: {\"id\":\"chatcmpl-huge\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"sim\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + new string('x', 900) + "\"}}]}\n\n"
            : new string('x', 1024);
        var piece = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, Math.Max(1, Piece / line.Length))));
        long written = 0;
        try
        {
            var first = Encoding.UTF8.GetBytes(head);
            await response.Body.WriteAsync(first, ct).ConfigureAwait(false);
            written += first.Length;
            while (written < size)
            {
                // The pipe says when the client has hung up (Kestrel drops writes to a closed connection silently).
                var flushed = await response.BodyWriter.WriteAsync(piece, ct).ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled || ct.IsCancellationRequested)
                {
                    break;
                }

                written += piece.Length;
                if (written > PacedAfter)
                {
                    // Kestrel drops writes to a closed connection silently and notices the hang-up a little later:
                    // pacing past the first megabytes keeps the count honest (a client reading it all still gets it all).
                    await Task.Delay(1, ct).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The client stopped reading (as it should): report how far the body got.
        }

        return written;
    }

    public static async Task WriteHtmlAsync(HttpResponse response, CancellationToken ct)
    {
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            "<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1><p>If you see this page, the web server is working.</p></body></html>\n",
            ct).ConfigureAwait(false);
    }

    public static async Task WriteGarbageAsync(HttpResponse response, bool stream, CancellationToken ct)
    {
        response.ContentType = stream ? "text/event-stream" : "application/json";
        await response.WriteAsync("\u0001\u0002 GARBAGE 8b!qz%% not json, not events \u00ff\n@@@@\n", ct).ConfigureAwait(false);
    }

    public static async Task WriteMalformedChunkAsync(HttpResponse response, CancellationToken ct)
    {
        response.ContentType = "text/event-stream";
        await response.WriteAsync(
            "data: {\"id\":\"chatcmpl-bad\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"sim\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"I will click\"}}]}\n\n",
            ct).ConfigureAwait(false);
        await response.WriteAsync("data: {\"id\":\"chatcmpl-bad\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ab\n\n", ct).ConfigureAwait(false);
        await response.WriteAsync("data: [DONE]\n\n", ct).ConfigureAwait(false);
    }
}
