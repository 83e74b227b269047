using VisualAgent.Errors;

namespace VisualAgent.Models.Profiles;

/// <summary>Checks a profile's settings and says, naming the profile, what is wrong.</summary>
internal static class ModelProfileValidator
{
    public static void ThrowIfInvalid(ModelProfile p)
    {
        var problems = Check(p);
        if (problems.Count > 0)
        {
            var name = string.IsNullOrEmpty(p.Name) ? "(unnamed)" : p.Name;
            throw new UsageException($"Model profile '{name}' (configuration Models:{name}) is invalid: {string.Join("; ", problems)}.");
        }
    }

    public static List<string> Check(ModelProfile p)
    {
        var problems = new List<string>();
        if (p.ParsedKind is null)
        {
            problems.Add($"Kind '{p.Kind}' is not one of {string.Join(", ", ModelKinds.All)}");
            return problems;
        }

        if (p.IsOcr)
        {
            return problems;
        }

        if (string.IsNullOrWhiteSpace(p.Dialect))
        {
            problems.Add($"Dialect is missing (one of {string.Join(", ", ModelProfile.KnownDialects)})");
        }
        else if (!ModelProfile.KnownDialects.Contains(p.Dialect, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"Dialect '{p.Dialect}' is unknown (one of {string.Join(", ", ModelProfile.KnownDialects)})");
        }

        if (p.IsInProcess)
        {
            p.InProcess.Check(problems);
        }
        else if (!p.IsSimulated)
        {
            CheckEndpoints(p, problems);
            if (string.IsNullOrWhiteSpace(p.Model))
            {
                problems.Add("Model (the model id the server serves, e.g. Qwen/Qwen3-VL-8B-Instruct) is missing");
            }
        }

        if (p.ApiKeyEnv is { } env && (env.Length == 0 || env.Any(char.IsWhiteSpace) || env.StartsWith("sk-", StringComparison.Ordinal)))
        {
            problems.Add("ApiKeyEnv must be the NAME of an environment variable (e.g. OPENAI_API_KEY), never the key itself");
        }

        CheckNumbers(p, problems);
        return problems;
    }

    private static void CheckEndpoints(ModelProfile p, List<string> problems)
    {
        var all = new[] { p.Endpoint }.Concat(p.Endpoints).Where(e => !string.IsNullOrWhiteSpace(e)).ToList();
        if (all.Count == 0)
        {
            problems.Add("Endpoint (or Endpoints) is missing: give the server's base URL, e.g. http://127.0.0.1:8000/v1");
        }

        foreach (var e in all)
        {
            if (!Uri.TryCreate(e!.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"Endpoint '{e}' is not an http(s) URL such as http://127.0.0.1:8000/v1");
            }
        }
    }

    private static void CheckNumbers(ModelProfile p, List<string> problems)
    {
        if (p.MinPixels is <= 0 || p.MaxPixels is <= 0)
        {
            problems.Add("MinPixels and MaxPixels must be positive");
        }

        if (p.MinPixels is { } min && p.MaxPixels is { } max && min > max)
        {
            problems.Add($"MinPixels ({min}) is larger than MaxPixels ({max})");
        }

        if (p.TimeoutSeconds is <= 0 or > 3600)
        {
            problems.Add($"TimeoutSeconds ({p.TimeoutSeconds}) must be in (0, 3600]");
        }

        if (p.MaxConcurrency is < 1 or > 1024)
        {
            problems.Add($"MaxConcurrency ({p.MaxConcurrency}) must be in 1..1024");
        }

        if (p.MaxReplyBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            problems.Add($"MaxReplyBytes ({p.MaxReplyBytes}) must be in 1024..1073741824 (1 KiB to 1 GiB; default 1048576)");
        }

        if (!(p.MaxWaitSeconds > 0 && p.MaxWaitSeconds <= 3600))
        {
            problems.Add($"MaxWaitSeconds ({p.MaxWaitSeconds}) must be in (0, 3600]");
        }

        if (p.Divisor is <= 0)
        {
            problems.Add($"Divisor ({p.Divisor}) must be positive (1000 or 999 for Qwen3-VL)");
        }

        var s = p.Sampling;
        if (s.Temperature is < 0 or > 2 || s.TopP is <= 0 or > 1 || s.TopK is < 0 || s.MaxTokens is <= 0 || s.RepetitionPenalty is <= 0)
        {
            problems.Add("Sampling is out of range (Temperature 0..2, TopP (0,1], TopK >= 0, MaxTokens > 0, RepetitionPenalty > 0)");
        }
    }
}
