using VisualAgent.Agent.Policy;
using VisualAgent.Errors;
using VisualAgent.Runs;

namespace VisualAgent.Agent.Runs;

/// <summary>
/// The runs folder (setting Runs:Folder, default runs/ under the working directory): creates run folders, resolves
/// "latest", an id or a unique id prefix. The newest run is the one with the greatest id; a "latest" text file beside
/// the runs holds its id too.
/// </summary>
public sealed class RunStore
{
    public const string LatestName = "latest";

    public RunStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>Run ids, newest first.</summary>
    public IReadOnlyList<string> ListIds() =>
        !Directory.Exists(Root)
            ? []
            : [.. Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(RunId.IsRunId)
                .OrderByDescending(n => n, StringComparer.Ordinal)];

    /// <summary>A new unique id for a run starting now with this goal.</summary>
    public string NewId(DateTimeOffset startedAt, string goal)
    {
        var id = RunId.Create(startedAt, goal);
        var unique = id;
        for (var n = 2; Directory.Exists(Path.Combine(Root, unique)); n++)
        {
            unique = $"{id}-{n}";
        }

        return unique;
    }

    /// <summary>
    /// Creates the run's folder (shots/, downloads/, scripts/), writes run.json and points "latest" at it. The id is
    /// claimed atomically: when another run (another task, another process) took it first, the next free
    /// <c>-2</c>, <c>-3</c>... suffix is taken and the writer's run.json carries that id.
    /// </summary>
    public async Task<RunWriter> CreateAsync(RunRecord initial, SecretMasker? masker = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initial);
        var (id, folder) = Claim(initial.Id);
        var writer = new RunWriter(folder, id, masker ?? new SecretMasker());
        await writer.WriteRunAsync(initial with { Id = id }, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(Root, LatestName), id + "\n", cancellationToken).ConfigureAwait(false);
        return writer;
    }

    /// <summary>
    /// Takes <paramref name="id"/>, else the first free <c>id-N</c>: the folder is claimed by creating its steps.jsonl with
    /// <see cref="FileMode.CreateNew"/>, which exactly one caller can do (creating a directory succeeds for everyone).
    /// </summary>
    private (string Id, string Folder) Claim(string id)
    {
        const int MaxSuffix = 10_000;
        var baseId = id;
        for (var n = 1; n <= MaxSuffix; n++)
        {
            var candidate = n == 1 ? baseId : $"{baseId}-{n}";
            var folder = Path.Combine(Root, candidate);
            Directory.CreateDirectory(folder);
            var marker = Path.Combine(folder, RunWriter.StepsFileName);
            try
            {
                using (new FileStream(marker, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
                {
                }

                return (candidate, folder);
            }
            catch (IOException) when (File.Exists(marker))
            {
                // Taken by another run, now or earlier: try the next suffix.
            }
        }

        throw new UsageException($"The runs folder {Root} holds {MaxSuffix} runs named {baseId}: clean it up (`visual-agent runs list`).");
    }

    /// <summary>The folder of "latest", an id or a unique id prefix; throws <see cref="UsageException"/> when there is none.</summary>
    public string ResolveFolder(string idOrLatest)
    {
        var ids = ListIds();
        if (string.IsNullOrWhiteSpace(idOrLatest) || idOrLatest == LatestName)
        {
            return ids.Count > 0 ? Path.Combine(Root, ids[0]) : throw new UsageException($"There are no runs in {Root} yet.");
        }

        if (ids.Contains(idOrLatest, StringComparer.Ordinal))
        {
            return Path.Combine(Root, idOrLatest);
        }

        var matches = ids.Where(i => i.StartsWith(idOrLatest, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => Path.Combine(Root, matches[0]),
            0 => throw new UsageException($"There is no run \"{idOrLatest}\" in {Root}: see `visual-agent runs list`."),
            _ => throw new UsageException($"\"{idOrLatest}\" names {matches.Count} runs ({string.Join(", ", matches.Take(3))}, ...): give more of the id."),
        };
    }
}
