using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VisualAgent.Bench.Scoring;
using VisualAgent.Errors;

namespace VisualAgent.Mcp.Tools;

/// <summary>`bench score` as a tool: grounding predictions made elsewhere, scored point-in-box.</summary>
internal static class BenchScoreTool
{
    [McpServerTool(Name = "bench_score", ReadOnly = true, Idempotent = true)]
    [Description("Score grounding predictions made elsewhere (a JSONL file): point in box, edges inclusive, per group and macro average, wrong-format count. Lines: {\"id\", \"gt_bbox\": [x1,y1,x2,y2], \"pred_point\": [x,y]} or \"pred_bbox\", or \"raw\" + \"dialect\" + \"image_width\"/\"image_height\" (a model's raw reply, parsed with its dialect).")]
    public static Task<CallToolResult> ScoreAsync(
        [Description("The predictions JSONL file.")] string predictions_path,
        [Description("Fields to break results down by, comma-separated, e.g. platform,ui_type.")] string? group_by = null) =>
        Guard.RunAsync(() =>
        {
            Guard.Require(predictions_path, nameof(predictions_path));
            var file = new FileInfo(predictions_path);
            if (!file.Exists)
            {
                throw new UsageException($"predictions_path '{predictions_path}' does not exist (relative paths are from the server's working directory {Directory.GetCurrentDirectory()}).");
            }

            var groups = (group_by ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            using var reader = file.OpenText();
            var (lines, skipped) = new PredictionReader(new DialectReplyPointParser()).Read(reader);
            if (lines.Count == 0)
            {
                throw new UsageException($"'{predictions_path}' has no line that can be scored{(skipped.Count > 0 ? $" ({skipped.Count} skipped, first: line {skipped[0].Line}: {skipped[0].Reason})" : "")}.");
            }

            var report = PointScorer.Score(lines, groups, skipped);
            return Task.FromResult(ToolResults.Ok(new { report, skipped = skipped.Select(s => new { line = s.Line, reason = s.Reason }) }));
        });
}
