namespace VisualAgent.Bench.Runner;

/// <summary>Where a run is: the model, samples done of total (resumed ones included), failures, elapsed time and ETA.</summary>
public sealed record BenchProgress(string Model, int Done, int Total, int Failed, TimeSpan Elapsed, TimeSpan? Eta)
{
    /// <summary>A message instead of a count (model stopped, not supported, suite generated).</summary>
    public string? Message { get; init; }

    public bool Simulated { get; init; }

    /// <summary>True on the model's last report.</summary>
    public bool Finished { get; init; }

    /// <summary>A note about the whole run (a suite generated, a judge unreachable), not about one model.</summary>
    public bool AboutSuite { get; init; }

    /// <summary>A note about the whole run; it prints as "suite: MESSAGE".</summary>
    public static BenchProgress ForSuite(string message) => new("", 0, 0, 0, TimeSpan.Zero, null) { Message = message, AboutSuite = true };

    public override string ToString()
    {
        if (AboutSuite)
        {
            return $"suite: {Message}";
        }

        if (Message is not null)
        {
            return $"{Model}: {Message}";
        }

        var eta = Eta is { } e ? $", ETA {e:hh\\:mm\\:ss}" : "";
        return FormattableString.Invariant($"{Model}{(Simulated ? " (simulated)" : "")}: {Done}/{Total} done, {Failed} failed, {Elapsed:hh\\:mm\\:ss} elapsed{eta}");
    }
}
