using System.Text.Json;
using VisualAgent.Bench.Runner;

namespace VisualAgent.Ui.Bench;

/// <summary>One bench run started from the page: its settings, every progress line so far (as JSON), and how it ended.</summary>
internal sealed class BenchJob(string id, string suite, IReadOnlyList<string> models, string outDir)
{
    private readonly Lock _gate = new();
    private readonly List<string> _events = [];

    public string Id { get; } = id;

    public string Suite { get; } = suite;

    public IReadOnlyList<string> Models { get; } = models;

    public string OutDir { get; } = outDir;

    /// <summary>"running", "done" or "failed".</summary>
    public string State { get; private set; } = "running";

    public string? Error { get; private set; }

    public bool Finished => State != "running";

    public int EventCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    public IReadOnlyList<string> EventsFrom(int index)
    {
        lock (_gate)
        {
            return index >= _events.Count ? [] : _events.GetRange(index, _events.Count - index);
        }
    }

    public void Report(BenchProgress p) => Add(JsonSerializer.Serialize(new
    {
        model = p.Model,
        done = p.Done,
        total = p.Total,
        failed = p.Failed,
        elapsed_s = p.Elapsed.TotalSeconds,
        eta_s = p.Eta?.TotalSeconds,
        message = p.Message,
        simulated = p.Simulated,
        finished = p.Finished,
        about_suite = p.AboutSuite,
        text = p.ToString(),
    }));

    /// <summary>A line about one model that is not sample progress (the serving self-check's verdict), shown in the job's log.</summary>
    public void Note(string model, string text) => Add(JsonSerializer.Serialize(new { model, done = 0, total = 0, text, check = true }));

    public void Succeed(string summary)
    {
        Add(summary);
        State = "done";
    }

    public void Fail(string error)
    {
        Error = error;
        State = "failed";
    }

    private void Add(string json)
    {
        lock (_gate)
        {
            _events.Add(json);
        }
    }

    public object Describe() => new { id = Id, suite = Suite, models = Models, out_dir = OutDir, state = State, error = Error };
}
