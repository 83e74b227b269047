using System.Net.Sockets;
using VisualAgent.Errors;

namespace VisualAgent.Hosting;

/// <summary>
/// A quick reachability check before a model's samples are sent: GET {endpoint}/models. Any HTTP answer counts as
/// reachable (some servers do not list models, or want a key); a refused connection or no answer within the timeout
/// does not, so a suite fails fast on a model that is not served here.
/// </summary>
public static class EndpointProbe
{
    /// <summary>Null when reachable, else a message naming the endpoint and what to check.</summary>
    public static async Task<string?> CheckAsync(string profile, IReadOnlyList<Uri> endpoints, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        using var http = new HttpClient { Timeout = timeout };
        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var url = endpoint.AbsoluteUri.TrimEnd('/') + "/models";
            try
            {
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (HttpRequestException ex)
            {
                problems.Add($"{UrlRedaction.Redact(endpoint)}: {(ex.InnerException as SocketException)?.Message ?? ex.Message}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                problems.Add($"{UrlRedaction.Redact(endpoint)}: no answer within {timeout.TotalSeconds:0.#} s");
            }
        }

        return UrlRedaction.Redact($"Model profile '{profile}' is unreachable ({string.Join("; ", problems)}). Start its server (vLLM, llama-server, Ollama) "
            + $"or fix Endpoint in Models:{profile}.");
    }
}
