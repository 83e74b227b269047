using System.ClientModel;
using System.Globalization;
using System.Text.Json;
using VisualAgent.Errors;

namespace VisualAgent.Models.Client;

/// <summary>Turns transport and HTTP errors into one clear ModelUnavailableException naming the profile, the endpoint and what to check.</summary>
internal static class ModelErrors
{
    public static ModelUnavailableException Timeout(EndpointTarget t) => Create(t, new ModelCallFailure(
        ModelFailureKind.Timeout,
        $"no complete reply within {t.Timeout.TotalSeconds:0.###} s. The server may be overloaded or stuck: check its log, or raise TimeoutSeconds in Models:{t.Profile}",
        t.Endpoint));

    public static ModelUnavailableException Truncated(EndpointTarget t) => Create(t, new ModelCallFailure(
        ModelFailureKind.Truncated, "the streamed reply ended before the server marked it finished (connection dropped?)", t.Endpoint));

    /// <summary>A body that is not a chat-completions reply (garbage, a malformed chunk, fields the SDK cannot read): not retried.</summary>
    public static ModelUnavailableException InvalidReply(EndpointTarget t, Exception ex) => Create(t, new ModelCallFailure(
        ModelFailureKind.InvalidReply,
        $"the reply is not a readable OpenAI chat-completions reply ({Describe(ex)}). Check that Endpoint in Models:{t.Profile} is an OpenAI-compatible server; if it streams badly, set \"Stream\": false there",
        t.Endpoint));

    /// <summary>A stream that ended normally without a single chat-completions event (its body was something else).</summary>
    public static ModelUnavailableException EmptyStream(EndpointTarget t) => Create(t, new ModelCallFailure(
        ModelFailureKind.InvalidReply,
        $"the server's reply stream held no chat-completions events (not server-sent events in the OpenAI format). Check that Endpoint in Models:{t.Profile} is an OpenAI-compatible server, or set \"Stream\": false there",
        t.Endpoint));

    public static ModelUnavailableException From(Exception ex, EndpointTarget t) => ex switch
    {
        _ when ReplyRejectedException.Find(ex) is { } rejected => Create(t, new ModelCallFailure(rejected.Kind, rejected.Message, t.Endpoint)),
        ClientResultException { Status: > 0 } cre => Create(t, FromStatus(cre, t)),
        _ => Create(t, new ModelCallFailure(
            ModelFailureKind.Connection,
            $"could not reach the server ({Describe(ex)}). Check that it is running (vLLM, llama-server, Ollama) and that Endpoint in Models:{t.Profile} is right",
            t.Endpoint)),
    };

    public static ModelUnavailableException Create(EndpointTarget t, ModelCallFailure failure) =>
        new(UrlRedaction.Redact(Redact($"Model profile '{t.Profile}' at {UrlRedaction.Redact(t.Endpoint)}: {failure.Message}.", t.ApiKey)), failure);

    private static ModelCallFailure FromStatus(ClientResultException ex, EndpointTarget t)
    {
        var status = ex.Status;
        var response = ex.GetRawResponse();
        var detail = Redact(ServerMessage(response), t.ApiKey);
        var said = detail.Length > 0 ? $": \"{detail}\"" : "";
        return status switch
        {
            401 or 403 => new(ModelFailureKind.Unauthorized, t.ApiKeyEnv is null
                ? $"the server refused the request as unauthorized (HTTP {status}){said}. It needs an API key: set ApiKeyEnv in Models:{t.Profile} to the name of the environment variable that holds it"
                : $"the server refused the API key from environment variable {t.ApiKeyEnv} (HTTP {status}){said}. Check that variable holds a valid key", t.Endpoint, status),
            404 => new(ModelFailureKind.NotFound,
                $"HTTP 404 for model '{t.Model}'{said}. Check the Model id (GET {UrlRedaction.Redact(t.Endpoint).TrimEnd('/')}/models lists what the server serves) and that Endpoint ends in /v1", t.Endpoint, status),
            429 => new(ModelFailureKind.RateLimited, $"the server is rate limiting (HTTP 429){said}", t.Endpoint, status, RetryAfter(response)),
            >= 500 => new(ModelFailureKind.ServerError, $"the server failed (HTTP {status}){said}. Check its log", t.Endpoint, status, RetryAfter(response)),
            400 or 413 when IsContextError(detail) => new(ModelFailureKind.ContextTooLong,
                $"the request is longer than the model's context (HTTP {status}){said}. Lower MaxPixels or Sampling.MaxTokens in Models:{t.Profile}, send fewer images, or serve the model with a longer context (vLLM --max-model-len)", t.Endpoint, status),
            _ => new(ModelFailureKind.BadRequest,
                $"the server rejected the request (HTTP {status}){said}. Check Sampling and Sampling.Extra in Models:{t.Profile}", t.Endpoint, status),
        };
    }

    private static bool IsContextError(string detail) =>
        detail.Contains("context", StringComparison.OrdinalIgnoreCase)
        || detail.Contains("too long", StringComparison.OrdinalIgnoreCase)
        || detail.Contains("maximum", StringComparison.OrdinalIgnoreCase) && detail.Contains("token", StringComparison.OrdinalIgnoreCase);

    private static string ServerMessage(System.ClientModel.Primitives.PipelineResponse? response)
    {
        if (response is null)
        {
            return "";
        }

        string text;
        try
        {
            text = response.Content.ToString();
        }
        catch (InvalidOperationException)
        {
            return "";
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error))
                {
                    root = error;
                }

                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    return Shorten(message.GetString() ?? "");
                }

                if (root.ValueKind == JsonValueKind.String)
                {
                    return Shorten(root.GetString() ?? "");
                }
            }
        }
        catch (JsonException)
        {
        }

        return Shorten(text);
    }

    private static TimeSpan? RetryAfter(System.ClientModel.Primitives.PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
        {
            return TimeSpan.FromMilliseconds(Math.Max(0, millis));
        }

        if (response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Max(0, seconds));
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    private static string Describe(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null && inner is not System.Net.Sockets.SocketException)
        {
            inner = inner.InnerException;
        }

        return Shorten(inner.Message);
    }

    private static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 300 ? text : text[..300] + "...";
    }

    /// <summary>Removes the API key from any text (some servers echo it back in error messages).</summary>
    public static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) || secret.Length < 4 ? text : text.Replace(secret, "***", StringComparison.Ordinal);
}
