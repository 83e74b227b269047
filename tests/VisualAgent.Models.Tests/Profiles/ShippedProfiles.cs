using Microsoft.Extensions.Configuration;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Tests.Profiles;

/// <summary>The profiles the product ships: the Models section of the repository's appsettings.json, as the CLI reads it.</summary>
internal static class ShippedProfiles
{
    public static string AppSettingsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "appsettings.json");
            if (File.Exists(candidate) && Directory.Exists(Path.Combine(dir.FullName, "src", "VisualAgent.Models")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("The repository's appsettings.json was not found above the test output folder.");
    }

    public static ModelProfiles Load() =>
        ModelProfiles.FromConfiguration(new ConfigurationBuilder().AddJsonFile(AppSettingsPath()).Build());
}
