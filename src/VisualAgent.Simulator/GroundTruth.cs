using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Simulator;

/// <summary>What the simulated model "knows": target boxes per instruction, scripted actions, canned answers.</summary>
internal sealed class GroundTruth
{
    private readonly Lock _lock = new();
    private readonly List<(string Instruction, ParsedReply Answer, PixelSize Original)> _targets = [];
    private readonly Queue<(ParsedReply Answer, PixelSize Original)> _script = new();

    public void AddTarget(string instruction, ParsedReply answer, PixelSize original)
    {
        lock (_lock)
        {
            _targets.Add((instruction, answer, original));
        }
    }

    public void AddScripted(ParsedReply answer, PixelSize original)
    {
        lock (_lock)
        {
            _script.Enqueue((answer, original));
        }
    }

    /// <summary>
    /// The answer for a request: a registered instruction found in the user texts (latest message first, longest
    /// instruction first), else the next scripted answer (consumed), else null.
    /// </summary>
    public (ParsedReply Answer, PixelSize Original)? Find(IReadOnlyList<string> userTexts)
    {
        lock (_lock)
        {
            foreach (var text in userTexts.Reverse())
            {
                var hit = _targets
                    .Where(t => text.Contains(t.Instruction, StringComparison.OrdinalIgnoreCase))
                    .OrderByDescending(t => t.Instruction.Length)
                    .Select(t => ((ParsedReply, PixelSize)?)(t.Answer, t.Original))
                    .FirstOrDefault();
                if (hit is not null)
                {
                    return hit;
                }
            }

            return _script.TryDequeue(out var next) ? next : null;
        }
    }

    public static ParsedReply ClickAt(ScreenBox box) =>
        new() { Action = new ClickAction(box.Center.X, box.Center.Y) { Box = box.ToArray() } };
}
