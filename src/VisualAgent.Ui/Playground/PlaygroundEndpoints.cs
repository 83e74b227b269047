using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VisualAgent.Grounding;
using VisualAgent.Hosting;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Imaging;
using VisualAgent.Ui.Server;
using VisualAgent.Vision;

namespace VisualAgent.Ui.Playground;

/// <summary>The playground's API: uploads, profiles, ground, read text, describe/ask, image budget, saved conversations.</summary>
internal static class PlaygroundEndpoints
{
    public static void Map(IEndpointRouteBuilder app, UiServices services)
    {
        app.MapPost("/api/images", (HttpRequest request, CancellationToken ct) => UploadAsync(request, services, ct)).DisableAntiforgery();
        app.MapGet("/api/images/{id}", (string id) => Results.Bytes(services.Images.Get(id).Png, "image/png"));
        app.MapGet("/api/profiles", async (CancellationToken ct) => Results.Json(await ProfileCatalog.ListAsync(services.Models.Profiles, ct).ConfigureAwait(false)));
        app.MapPost("/api/ground", (GroundRequest body, CancellationToken ct) => GroundAsync(body, services, ct));
        app.MapPost("/api/ocr", (OcrRequest body, CancellationToken ct) => OcrAsync(body, services, ct));
        app.MapPost("/api/ask", (AskRequest body, CancellationToken ct) => AskAsync(body, services, ct));
        app.MapPost("/api/budget", (BudgetRequest body) => Budget(body, services));
        app.MapGet("/api/conversations", () => Results.Json(services.Conversations.List()));
        app.MapGet("/api/conversations/{name}", async (string name, CancellationToken ct) => Results.Json(await services.Conversations.LoadAsync(name, ct).ConfigureAwait(false)));
        app.MapPost("/api/conversations", async (JsonObject body, CancellationToken ct) =>
        {
            var name = body["name"]?.GetValue<string>() ?? throw ApiError.BadRequest("Give the conversation a name.");
            return Results.Json(new { name = await services.Conversations.SaveAsync(name, body, ct).ConfigureAwait(false) });
        });
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, UiServices services, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw ApiError.BadRequest("Send the images as multipart/form-data (the page's upload, paste or drop does).");
        }

        var form = await request.ReadFormAsync(ct).ConfigureAwait(false);
        if (form.Files.Count == 0)
        {
            throw ApiError.BadRequest("No file came with the upload: choose, paste or drop a PNG or JPEG screenshot.");
        }

        var stored = new List<object>();
        var errors = new List<string>();
        var status = StatusCodes.Status400BadRequest;
        foreach (var file in form.Files)
        {
            try
            {
                services.Images.CheckSize(file.FileName, file.Length);
                using var stream = new MemoryStream();
                await file.CopyToAsync(stream, ct).ConfigureAwait(false);
                stored.Add(services.Images.Add(file.FileName, stream.ToArray()).Describe());
            }
            catch (ApiError ex)
            {
                errors.Add(ex.Message);
                status = ex.Status;
            }
        }

        return stored.Count == 0
            ? Results.Json(new { error = string.Join(" ", errors) }, statusCode: status)
            : Results.Json(new { images = stored, errors });
    }

    private static async Task<IResult> GroundAsync(GroundRequest body, UiServices services, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var instruction = Require(body.Instruction, "Say what to find, e.g. \"the Export button\".");
        services.Models.Profile(body.Profile ?? "offline"); // an unknown profile is named before anything else
        var image = services.Images.Get(Require(body.ImageId, "Upload or select an image first."));
        var stack = await services.Models.OpenAsync(body.Profile ?? "offline", body.Settings ?? new ModelSettings(), ct).ConfigureAwait(false);
        var result = await CallAsync(services, stack, () => stack.Grounder.GroundAsync(new GroundingRequest(image.ToScreenshot(), instruction), ct)).ConfigureAwait(false);
        return Results.Json(new
        {
            profile = stack.Profile.Name,
            simulated = stack.Simulated,
            image = image.Id,
            image_size = new[] { image.Size.Width, image.Size.Height },
            found = result.Found,
            point = result.Found ? new[] { result.Point.X, result.Point.Y } : null,
            box = result.Found ? result.Box?.ToArray() : null,
            confidence = result.Found ? result.Confidence : (double?)null,
            clamped = result.Clamped,
            sent_size = result.SentSize?.ToString(),
            latency_ms = result.Latency.TotalMilliseconds,
            server_ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            usage = result.Usage,
            raw = result.Raw,
            error = result.Found ? null : result.Error ?? "not found",
        });
    }

    private static async Task<IResult> OcrAsync(OcrRequest body, UiServices services, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var image = services.Images.Get(Require(body.ImageId, "Upload or select an image first."));
        var stack = await services.Models.OpenAsync("ocr", new ModelSettings(), ct).ConfigureAwait(false);
        using var decoded = Image.Decode(image.Png);
        var result = await stack.Ocr!.RecognizeAsync(decoded, null, ct).ConfigureAwait(false);
        return Results.Json(new
        {
            image = image.Id,
            text = result.FullText,
            lines = result.Lines.Select(l => new { text = l.Text, box = l.Box.ToArray(), confidence = l.Confidence }),
            server_ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        });
    }

    private static async Task<IResult> AskAsync(AskRequest body, UiServices services, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var describe = string.Equals(body.Mode, "describe", StringComparison.OrdinalIgnoreCase);
        var question = describe ? (string.IsNullOrWhiteSpace(body.Question) ? "Describe this screenshot." : body.Question.Trim()) : Require(body.Question, "Type a question about the images.");
        var ids = body.ImageIds is { Count: > 0 } given ? given : throw ApiError.BadRequest("Upload or select at least one image first.");
        var shots = ids.Select(id => services.Images.Get(id).ToScreenshot()).ToList();
        var profileName = body.Profile ?? "offline";
        var profile = services.Models.Profile(profileName);
        if (profile.IsOcr)
        {
            throw ApiError.BadRequest($"The {profile.Name} profile grounds and reads text (OCR) but cannot describe or answer: pick a vision-language model profile for that.");
        }

        var stack = await services.Models.OpenAsync(profileName, body.Settings ?? new ModelSettings(), ct).ConfigureAwait(false);
        var abilities = stack.Dialect!.Abilities;
        var kind = describe ? ModelTaskKind.Describe : ModelTaskKind.Answer;
        if (!abilities.HasFlag(describe ? DialectAbilities.Describe : DialectAbilities.Answer))
        {
            throw ApiError.BadRequest($"The {stack.Dialect.Id} family of {stack.Profile.Name} cannot {(describe ? "describe images" : "answer questions")}: pick another profile.");
        }

        if (shots.Count > 1 && !abilities.HasFlag(DialectAbilities.MultiImage))
        {
            throw ApiError.BadRequest($"The {stack.Dialect.Id} family of {stack.Profile.Name} takes one image per question: select one image (or pick a multi-image profile).");
        }

        var result = await CallAsync(services, stack, () => stack.Caller!.CallAsync(new ModelTask(kind, question) { ImageCount = shots.Count }, shots, ct)).ConfigureAwait(false);
        return Results.Json(new
        {
            profile = stack.Profile.Name,
            simulated = stack.Simulated || result.Simulated,
            answer = result.Reply.Text ?? result.Raw,
            raw = result.Raw,
            sent_sizes = result.SentSizes.Select(s => s.ToString()),
            usage = result.Usage,
            latency_ms = result.Latency.TotalMilliseconds,
            server_ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        });
    }

    private static IResult Budget(BudgetRequest body, UiServices services)
    {
        var profile = services.Models.Profile(body.Profile ?? "offline");
        var images = (body.ImageIds ?? []).Select(services.Images.TryGet).OfType<StoredImage>().ToList();
        if (profile.IsOcr || profile.Dialect is null)
        {
            return Results.Json(new { profile = profile.Name, images = images.Select(i => new { id = i.Id, original = i.Size.ToString(), sent = i.Size.ToString(), tokens = 0L }), total_tokens = 0L, note = "offline: Tesseract reads the image at its own size; no model, no image tokens" });
        }

        var settings = body.Settings ?? new ModelSettings();
        var applied = settings.ApplyTo(profile);
        var dialect = DialectRegistry.Get(profile.Dialect);
        var budget = applied.ResolveBudget(dialect.DefaultBudget);
        var rows = images.Select(i =>
        {
            var sent = dialect.SizeToSend(i.Size, budget);
            return new { id = i.Id, original = i.Size.ToString(), sent = sent.ToString(), tokens = ImageTokens.Count(dialect.Id, sent) };
        }).ToList();
        return Results.Json(new
        {
            profile = profile.Name,
            dialect = dialect.Id,
            min_pixels = budget.MinPixels,
            max_pixels = budget.MaxPixels,
            factor = budget.Factor,
            images = rows,
            total_tokens = rows.Sum(r => r.tokens),
            note = $"{dialect.Id}: each image is resized to the sent size before it leaves; tokens as the family counts them",
        });
    }

    /// <summary>Runs a model call; when it fails, the opened profile is dropped (the next call probes its endpoint again) and the error goes to the page.</summary>
    private static async Task<T> CallAsync<T>(UiServices services, ModelStack stack, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (!stack.Offline && ex is not OperationCanceledException)
        {
            await services.Models.DropAsync(stack).ConfigureAwait(false);
            if (ex is Errors.VisualAgentException or ApiError)
            {
                throw;
            }

            throw new Errors.ModelUnavailableException(
                $"The model of profile {stack.Profile.Name} failed this call ({ex.GetType().Name}: {Errors.UrlRedaction.Redact(ex.Message)}). Is its server still running? Start it again, or pick another profile.", ex);
        }
    }

    private static string Require(string? value, string problem) =>
        string.IsNullOrWhiteSpace(value) ? throw ApiError.BadRequest(problem) : value.Trim();
}
