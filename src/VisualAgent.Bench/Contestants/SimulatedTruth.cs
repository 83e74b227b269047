using VisualAgent.Bench.Suites;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;
using VisualAgent.Simulator;

namespace VisualAgent.Bench.Contestants;

/// <summary>Registers a sample's ground truth with the simulated server under the sample's tag, before it is asked.</summary>
internal static class SimulatedTruth
{
    public static void Register(SimulatedServer server, BenchSample sample, string tag, ModelTaskKind kind)
    {
        switch (sample.Kind)
        {
            case SuiteKind.Grounding or SuiteKind.Refexp when sample.Box is { } box:
                server.RegisterTarget(tag, box, sample.ImageSize);
                break;
            case SuiteKind.Ocr:
                var spots = sample.Lines.Count > 0 && sample.Lines.All(l => l.Box is not null)
                    ? sample.Lines.Select(l => new TextSpot(l.Text, l.Box!.Value)).ToList()
                    : [new TextSpot(sample.Answers.FirstOrDefault() ?? "", new ScreenBox(0, 0, sample.ImageSize.Width, sample.ImageSize.Height))];
                server.RegisterAnswer(tag, new ParsedReply { Spots = spots, Task = kind }, sample.ImageSize);
                break;
            default:
                server.RegisterAnswer(tag, new ParsedReply { Text = sample.Answers.FirstOrDefault() ?? "", Task = kind }, sample.ImageSize);
                break;
        }
    }
}
