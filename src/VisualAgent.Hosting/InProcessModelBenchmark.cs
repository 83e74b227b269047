using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using VisualAgent.Errors;
using VisualAgent.Models.LlamaSharp;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Hosting;

/// <summary>
/// `bench inprocess`: load time and generation speed of an in-process profile, medians over several runs. Each load is
/// a fresh one (nothing else holds the model); each generation a fresh prompt on the loaded model, fixed seed, greedy.
/// </summary>
public static class InProcessModelBenchmark
{
    public sealed record Result(string Backend, int Iterations, int Tokens, double LoadMs, double PromptMs, int PromptTokens, double TokensPerSecond, double MsPerToken);

    public static async Task<Result> RunAsync(ModelProfile profile, int iterations, int tokens, LlamaSharpOptions? native = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.IsInProcess)
        {
            throw new UsageException($"Model profile '{profile.Name}' is of kind {profile.Kind}: `bench inprocess` measures profiles of kind {ModelKinds.LlamaSharp}.");
        }

        if (iterations < 1 || tokens < 1)
        {
            throw new UsageException("--iterations and --tokens must be at least 1.");
        }

        profile.Validate();
        LlamaNative.Configure(NullLogger.Instance, native);
        var loads = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            using var lease = await LlamaModels.AcquireAsync(profile.Name, profile.InProcess, NullLogger.Instance, cancellationToken).ConfigureAwait(false);
            loads.Add(lease.Model.LoadTime.TotalMilliseconds);
        }

        using var client = await LlamaChatClient.OpenAsync(profile, cancellationToken: cancellationToken).ConfigureAwait(false);
        var prompts = new List<double>();
        var speeds = new List<double>();
        var promptTokens = 0;
        var options = new ChatOptions { MaxOutputTokens = tokens, Temperature = 0, Seed = 1 };
        for (var i = 0; i < iterations; i++)
        {
            var response = await client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, "You operate user interfaces."), new ChatMessage(ChatRole.User, $"Describe step {i + 1} of logging in to a web page.")],
                options, cancellationToken).ConfigureAwait(false);
            prompts.Add(response.AdditionalProperties?[Models.Client.ChatTimings.TimeToFirstTokenKey] is double ms ? ms : double.NaN);
            speeds.Add(response.AdditionalProperties?[LlamaChatClient.TokensPerSecondKey] is double tps ? tps : double.NaN);
            promptTokens = (int)(response.Usage?.InputTokenCount ?? 0);
        }

        var speed = Median(speeds);
        return new Result(LlamaNative.Backend, iterations, tokens, Median(loads), Median(prompts), promptTokens, speed, speed > 0 ? 1000 / speed : double.NaN);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
