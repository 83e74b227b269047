using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VisualAgent.Ui.Server;

namespace VisualAgent.Ui.Playground;

/// <summary>
/// Saved conversations, one folder each under DATA/conversations/NAME: conversation.json (what the page sent: messages,
/// profile, settings, image list) and images/ID.png, so a reload brings the images back even after the server forgot them.
/// </summary>
internal sealed partial class ConversationStore(string dataFolder, ImageStore images)
{
    private const long MaxConversationBytes = 8L * 1024 * 1024;

    public string Root { get; } = Path.Combine(dataFolder, "conversations");

    public sealed record Summary(string Name, DateTimeOffset Saved, int Messages, int Images);

    public IReadOnlyList<Summary> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var list = new List<Summary>();
        foreach (var dir in Directory.GetDirectories(Root))
        {
            var file = Path.Combine(dir, "conversation.json");
            if (!File.Exists(file))
            {
                continue;
            }

            try
            {
                var node = JsonNode.Parse(File.ReadAllText(file));
                list.Add(new Summary(Path.GetFileName(dir), File.GetLastWriteTimeUtc(file), (node?["messages"] as JsonArray)?.Count ?? 0, (node?["images"] as JsonArray)?.Count ?? 0));
            }
            catch (JsonException)
            {
                // A file edited by hand into something else is left out of the list, not fatal.
            }
        }

        return [.. list.OrderByDescending(s => s.Saved)];
    }

    /// <summary>Writes the conversation and copies of its images; returns the name it was saved under.</summary>
    public async Task<string> SaveAsync(string name, JsonObject conversation, CancellationToken ct)
    {
        var slug = Slug(name);
        var text = conversation.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        if (text.Length > MaxConversationBytes)
        {
            throw new ApiError(413, $"The conversation is larger than {MaxConversationBytes / 1048576} MB: clear some messages and save again.");
        }

        var ids = (conversation["images"] as JsonArray ?? []).Select(n => n?["id"]?.GetValue<string>()).OfType<string>().ToList();
        var held = ids.Select(images.Get).ToList(); // throws for an image the server no longer holds, before anything is written
        var folder = Path.Combine(Root, slug);
        var temp = folder + ".saving-" + Environment.ProcessId;
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(temp, "images"));
        foreach (var image in held)
        {
            await File.WriteAllBytesAsync(Path.Combine(temp, "images", image.Id + ".png"), image.Png, ct).ConfigureAwait(false);
        }

        conversation["name"] = slug;
        conversation["saved_at"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(temp, "conversation.json"), conversation.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct).ConfigureAwait(false);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.Move(temp, folder);
        return slug;
    }

    /// <summary>The saved conversation, its images held by the server again under their ids.</summary>
    public async Task<JsonObject> LoadAsync(string name, CancellationToken ct)
    {
        var folder = Path.Combine(Root, Slug(name));
        var file = Path.Combine(folder, "conversation.json");
        if (!File.Exists(file))
        {
            throw ApiError.NotFound($"There is no saved conversation '{name}' in {Root}.");
        }

        JsonObject conversation;
        try
        {
            conversation = JsonNode.Parse(await File.ReadAllTextAsync(file, ct).ConfigureAwait(false)) as JsonObject
                ?? throw ApiError.BadRequest($"{file} does not hold a conversation (not a JSON object).");
        }
        catch (JsonException ex)
        {
            throw ApiError.BadRequest($"{file} is not valid JSON ({ex.Message}): it cannot be loaded.");
        }

        foreach (var entry in conversation["images"] as JsonArray ?? [])
        {
            var id = entry?["id"]?.GetValue<string>();
            if (id is null || !IdPattern().IsMatch(id))
            {
                continue;
            }

            var png = Path.Combine(folder, "images", id + ".png");
            if (File.Exists(png))
            {
                images.Add(entry?["name"]?.GetValue<string>() ?? id + ".png", await File.ReadAllBytesAsync(png, ct).ConfigureAwait(false), id);
            }
        }

        return conversation;
    }

    /// <summary>A folder name from what the user typed: letters, digits, '-' and '_' only.</summary>
    public static string Slug(string name)
    {
        var slug = SlugPattern().Replace((name ?? "").Trim().ToLowerInvariant(), "-").Trim('-');
        if (slug.Length == 0)
        {
            throw ApiError.BadRequest("Give the conversation a name (letters, digits, '-' or '_').");
        }

        return slug.Length > 80 ? slug[..80] : slug;
    }

    [GeneratedRegex("[^a-z0-9_-]+")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9a-f]{12}$")]
    private static partial Regex IdPattern();
}
