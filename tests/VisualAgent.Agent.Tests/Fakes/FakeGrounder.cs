using VisualAgent.Geometry;
using VisualAgent.Grounding;

namespace VisualAgent.Tests.Fakes;

/// <summary>
/// Finds a target when its instruction mentions one of the texts it knows (case-insensitive), optionally only while
/// a condition holds (e.g. the page is scrolled far enough). Records every instruction it was asked.
/// </summary>
internal sealed class FakeGrounder : IGrounder
{
    private readonly List<(string Text, ScreenPoint Point, Func<bool> Visible)> _targets = [];

    public string Name => "fake";

    public List<string> Requests { get; } = [];

    /// <summary>Extra text for the raw reply (like an OCR grounder listing the words it read).</summary>
    public Func<string> ScreenText { get; set; } = () => "";

    public FakeGrounder With(string text, double x, double y, Func<bool>? visible = null)
    {
        _targets.Add((text, new ScreenPoint(x, y), visible ?? (() => true)));
        return this;
    }

    public Task<GroundingResult> GroundAsync(GroundingRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request.Instruction);
        foreach (var (text, point, visible) in _targets)
        {
            if (visible() && request.Instruction.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult(new GroundingResult
                {
                    Found = true, Point = point, Box = new ScreenBox(point.X - 40, point.Y - 12, point.X + 40, point.Y + 12),
                    Confidence = 0.9, Raw = $"matched \"{text}\"; screen text: {ScreenText()}",
                });
            }
        }

        return Task.FromResult(GroundingResult.NotFound($"\"{request.Instruction}\" is not on the screen", $"screen text: {ScreenText()}"));
    }
}
