using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VisualAgent.Codegen.Plans;
using VisualAgent.Codegen.Validation;
using VisualAgent.Codegen.Writers;
using VisualAgent.Ui.Server;

namespace VisualAgent.Ui.Codegen;

/// <summary>Scripts through Codegen: from a grounding conversation (and, on the Runs page, from a recorded run).</summary>
internal static class CodegenEndpoints
{
    public static void Map(IEndpointRouteBuilder app, UiServices services)
    {
        app.MapPost("/api/export-code", async (ExportRequest body, CancellationToken ct) =>
        {
            var target = ScriptTargets.Parse(body.Target ?? "playwright-cs");
            var plan = ConversationScript.Plan(body, services.Images);
            return Results.Json(await WriteAsync(target, plan, "playground", ct).ConfigureAwait(false));
        });
    }

    /// <summary>The script of <paramref name="plan"/> and what its compiler said (a script is never reported good unchecked).</summary>
    public static async Task<object> WriteAsync(ScriptTarget target, ScriptPlan plan, string name, CancellationToken ct)
    {
        string source;
        try
        {
            source = target.Writer().Write(plan);
        }
        catch (UnsupportedStepException ex)
        {
            throw ApiError.BadRequest(ex.Message);
        }

        var check = await new ScriptChecker().CheckAsync(target, name + target.Extension(), source, ct).ConfigureAwait(false);
        var verdict = check.Skipped ? $"not checked: {string.Join("; ", check.Errors)}"
            : check.Passed ? $"checked with {check.Tool}: it compiles"
            : $"{check.Tool} found errors: {string.Join("; ", check.Errors.Take(5))}";
        return new
        {
            target = target.Name(),
            file = name + target.Extension(),
            source,
            steps = plan.Steps.Count,
            warnings = plan.Warnings,
            check = new { passed = check.Passed, skipped = check.Skipped, tool = check.Tool, errors = check.Errors, ms = check.Elapsed.TotalMilliseconds },
            note = $"{target.Name()}, {plan.Steps.Count} step(s); {verdict}. " + string.Join(" ", plan.Warnings),
        };
    }
}
