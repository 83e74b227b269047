namespace VisualAgent.Cli.Commands;

/// <summary>
/// The one line `doctor` prints first: "ready offline", "ready with models X, Y" or "not ready: do Z".
/// </summary>
internal sealed record DoctorVerdict(bool Ready, string Text, IReadOnlyList<string> Models)
{
    /// <summary>The verdict over every check; with <paramref name="onlyModel"/>, over that model alone.</summary>
    public static DoctorVerdict From(IReadOnlyList<DoctorCheck> checks, string? onlyModel)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var models = checks.Where(c => c.Model is not null).Select(c => c.Model!).ToList();
        var missing = checks.Where(c => c.Required && c.Status == DoctorCheck.Missing).ToList();
        if (missing.Count > 0)
        {
            var packages = missing.Where(c => c.Name.StartsWith("package ", StringComparison.Ordinal)).Select(c => c.Name["package ".Length..]).ToList();
            var first = packages.Count > 0
                ? $"apt-get install -y --no-install-recommends {string.Join(' ', packages)} (or scripts/setup.sh)"
                : $"{missing[0].Name}: {missing[0].Detail}";
            var more = missing.Count - Math.Max(1, packages.Count);
            return new DoctorVerdict(false, $"not ready: {first}{(more > 0 ? $"; and {more} more below" : "")}", models);
        }

        if (onlyModel is not null)
        {
            var check = checks.FirstOrDefault(c => c.Name == $"model {onlyModel}");
            return check is { Status: DoctorCheck.Ok }
                ? new DoctorVerdict(true, check.Model is null ? $"ready offline (model {onlyModel}: {check.Detail})" : $"ready with model {onlyModel}", models)
                : new DoctorVerdict(false, $"not ready: model {onlyModel}: {check?.Detail ?? "not checked"}", models);
        }

        return models.Count > 0
            ? new DoctorVerdict(true, $"ready with models {string.Join(", ", models)} (and offline)", models)
            : new DoctorVerdict(true, "ready offline (no model endpoint answers; to add one see the README, 'Serving real models')", models);
    }
}
