using Microsoft.Extensions.Configuration;
using VisualAgent.Errors;

namespace VisualAgent.Models.Profiles;

/// <summary>
/// The catalog of named model profiles (configuration section <c>Models</c>). Names are case-insensitive.
/// <c>sim-&lt;dialect&gt;</c> names resolve to a simulated profile even when not configured.
/// </summary>
public sealed class ModelProfiles
{
    public const string SectionName = "Models";
    public const string SimulatedPrefix = "sim-";

    private readonly Dictionary<string, ModelProfile> _profiles = new(StringComparer.OrdinalIgnoreCase);

    public ModelProfiles(IEnumerable<ModelProfile> profiles)
    {
        foreach (var p in profiles)
        {
            if (string.IsNullOrWhiteSpace(p.Name))
            {
                throw new UsageException("A model profile has no name: every entry under Models needs one.");
            }

            _profiles[p.Name] = p;
        }
    }

    /// <summary>Configured names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _profiles.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Reads every child of the <c>Models</c> section; each profile's Name is its key.</summary>
    public static ModelProfiles FromConfiguration(IConfiguration configuration)
    {
        var list = new List<ModelProfile>();
        foreach (var child in configuration.GetSection(SectionName).GetChildren())
        {
            var profile = new ModelProfile();
            child.Bind(profile);
            profile.Name = child.Key;
            list.Add(profile);
        }

        return new ModelProfiles(list);
    }

    public bool TryGet(string name, out ModelProfile profile)
    {
        if (_profiles.TryGetValue(name, out var found))
        {
            profile = found;
            return true;
        }

        if (name.StartsWith(SimulatedPrefix, StringComparison.OrdinalIgnoreCase)
            && ModelProfile.KnownDialects.FirstOrDefault(d => string.Equals(d, name[SimulatedPrefix.Length..], StringComparison.OrdinalIgnoreCase)) is { } dialect)
        {
            profile = Simulated(dialect);
            return true;
        }

        if (string.Equals(name, ModelKinds.Ocr, StringComparison.OrdinalIgnoreCase) || string.Equals(name, ModelKinds.Offline, StringComparison.OrdinalIgnoreCase))
        {
            // The offline grounders need no configuration.
            profile = new ModelProfile { Name = name.ToLowerInvariant(), Kind = name.ToLowerInvariant() };
            return true;
        }

        profile = null!;
        return false;
    }

    /// <summary>The validated profile called <paramref name="name"/>; a UsageException lists the known names when there is none.</summary>
    public ModelProfile Get(string name)
    {
        if (!TryGet(name, out var profile))
        {
            var known = Names.Count == 0 ? "none are configured" : string.Join(", ", Names);
            throw new UsageException(
                $"There is no model profile '{name}'. Known profiles: {known}; and sim-<dialect> for a simulated model " +
                $"(dialects: {string.Join(", ", ModelProfile.KnownDialects)}). Add it under Models in appsettings.json.");
        }

        profile.Validate();
        return profile;
    }

    /// <summary>The profile of the simulated model speaking <paramref name="dialect"/> (no endpoint until the simulator starts).</summary>
    public static ModelProfile Simulated(string dialect) => new()
    {
        Name = SimulatedPrefix + dialect,
        Kind = ModelKinds.Simulated,
        Dialect = dialect,
        Model = dialect,
        TimeoutSeconds = 30,
        MaxConcurrency = 8,
        Sampling = new SamplingOptions { Temperature = 0 },
    };
}
