using VisualAgent.Hosting;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Ui.Playground;

/// <summary>
/// The profiles the playground offers and whether each can answer now: the offline grounders always; simulated ones
/// (labelled so); an in-process model when its files are there; an HTTP profile when its endpoint answers, else down
/// with what to start.
/// </summary>
internal static class ProfileCatalog
{
    public sealed record Entry(string Name, string Kind, string? Dialect, string Group, string Status, string? Detail, bool Usable, string Abilities);

    public static async Task<IReadOnlyList<Entry>> ListAsync(ModelProfiles profiles, CancellationToken ct)
    {
        var entries = new List<Task<Entry>>
        {
            Task.FromResult(new Entry("offline", "offline", null, "offline", "ready", "pixels only on a screenshot: Tesseract OCR grounder", true, "ground, read text")),
            Task.FromResult(new Entry("ocr", "ocr", null, "offline", "ready", "Tesseract OCR grounder", true, "ground, read text")),
        };
        foreach (var name in profiles.Names)
        {
            if (profiles.TryGet(name, out var profile) && !profile.IsOcr)
            {
                entries.Add(DescribeAsync(profile, ct));
            }
        }

        foreach (var dialect in ModelProfile.KnownDialects)
        {
            var sim = ModelProfiles.Simulated(dialect);
            entries.Add(Task.FromResult(new Entry(sim.Name, "simulated", dialect, "simulated", "simulated",
                "a simulated server started in-process (tests and demos); every answer is labelled simulated", true, Abilities(dialect))));
        }

        return await Task.WhenAll(entries).ConfigureAwait(false);
    }

    private static async Task<Entry> DescribeAsync(ModelProfile profile, CancellationToken ct)
    {
        var abilities = profile.Dialect is { } d ? Abilities(d) : "";
        if (profile.IsInProcess)
        {
            var path = profile.InProcess.ModelPath;
            return string.IsNullOrWhiteSpace(path) || !File.Exists(path)
                ? new Entry(profile.Name, profile.Kind, profile.Dialect, "in-process", "down", $"the GGUF file {path ?? "(InProcess:ModelPath unset)"} is not there: put the model file there (README: In-process models)", false, abilities)
                : new Entry(profile.Name, profile.Kind, profile.Dialect, "in-process", "ready", $"loads {Path.GetFileName(path)} in this process", true, abilities);
        }

        if (profile.ApiKeyEnv is { } keyEnv && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(keyEnv)))
        {
            return new Entry(profile.Name, profile.Kind, profile.Dialect, "http", "down", $"needs its API key: set the environment variable {keyEnv} before starting `visual-agent ui`", false, abilities);
        }

        var problem = await EndpointProbe.CheckAsync(profile.Name, profile.GetEndpoints(), TimeSpan.FromSeconds(1.5), ct).ConfigureAwait(false);
        return problem is null
            ? new Entry(profile.Name, profile.Kind, profile.Dialect, "http", "up", string.Join(", ", profile.GetEndpoints().Select(e => Errors.UrlRedaction.Redact(e))), true, abilities)
            : new Entry(profile.Name, profile.Kind, profile.Dialect, "http", "down", problem, false, abilities);
    }

    private static string Abilities(string dialect)
    {
        var abilities = DialectRegistry.Get(dialect).Abilities;
        var list = new List<string>();
        if (abilities.HasFlag(DialectAbilities.Ground))
        {
            list.Add("ground");
        }

        if (abilities.HasFlag(DialectAbilities.Describe))
        {
            list.Add("describe");
        }

        if (abilities.HasFlag(DialectAbilities.Answer))
        {
            list.Add("ask");
        }

        if (abilities.HasFlag(DialectAbilities.MultiImage))
        {
            list.Add("several images");
        }

        return string.Join(", ", list);
    }
}
