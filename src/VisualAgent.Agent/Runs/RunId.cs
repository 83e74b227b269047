using System.Text;

namespace VisualAgent.Agent.Runs;

/// <summary>Run ids: YYYYMMDD-HHMMSS-slug, which sort by time.</summary>
public static class RunId
{
    /// <summary>The id for a run started at <paramref name="at"/> (UTC) with this goal; secrets and URLs are left out of the slug.</summary>
    public static string Create(DateTimeOffset at, string goal) => $"{at.UtcDateTime:yyyyMMdd-HHmmss}-{Slug(goal)}";

    /// <summary>Up to 5 lower-case words of the goal joined by '-', "run" when there are none.</summary>
    public static string Slug(string goal)
    {
        var words = new List<string>();
        foreach (var raw in (goal ?? "").Split([' ', '\t', '\n', '\r', ';', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Contains("://", StringComparison.Ordinal) || raw.Contains("{{", StringComparison.Ordinal))
            {
                continue;
            }

            var sb = new StringBuilder();
            foreach (var c in raw.ToLowerInvariant())
            {
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    sb.Append(c);
                }
            }

            if (sb.Length > 0)
            {
                words.Add(sb.ToString());
            }

            if (words.Count == 5)
            {
                break;
            }
        }

        var slug = string.Join('-', words);
        return slug.Length == 0 ? "run" : slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
    }

    /// <summary>True for names that look like run ids (folders of the runs root).</summary>
    public static bool IsRunId(string name) =>
        name.Length > 16 && name[8] == '-' && name[15] == '-' && name[..8].All(char.IsAsciiDigit) && name[9..15].All(char.IsAsciiDigit);
}
