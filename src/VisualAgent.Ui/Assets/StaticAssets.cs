using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace VisualAgent.Ui.Assets;

/// <summary>The pages, styles and scripts, read from this assembly's embedded resources (ui/NAME) and cached.</summary>
internal static class StaticAssets
{
    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    public static byte[]? Read(string name) => Cache.GetOrAdd(name, static n =>
    {
        using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream("ui/" + n);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    public static IResult Serve(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || Read(name) is not { } bytes)
        {
            return Results.Json(new { error = $"There is no asset '{name}'." }, statusCode: StatusCodes.Status404NotFound);
        }

        return Results.Bytes(bytes, ContentType(name));
    }
}
