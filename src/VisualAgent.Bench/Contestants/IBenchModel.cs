using VisualAgent.Bench.Suites;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Bench.Contestants;

/// <summary>One model under test: answers samples of the kinds it supports.</summary>
internal interface IBenchModel : IAsyncDisposable
{
    string Name { get; }

    ModelProfile Profile { get; }

    /// <summary>True for sim-* profiles: every figure of this model is labelled simulated.</summary>
    bool Simulated { get; }

    /// <summary>Why the model cannot do <paramref name="kind"/> ("not supported"), or null when it can.</summary>
    string? NotSupported(SuiteKind kind);

    /// <summary>Asks the model about one sample. Throws <see cref="ModelStoppedException"/> when the model is unreachable.</summary>
    Task<Prediction> PredictAsync(BenchSample sample, CancellationToken cancellationToken = default);
}
