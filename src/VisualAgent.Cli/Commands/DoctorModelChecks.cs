using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using VisualAgent.Errors;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Cli.Commands;

/// <summary>
/// `doctor`'s model lines. A local endpoint (127.0.0.1, a LAN name over http) that does not answer is a server to start;
/// a hosted one (https with an API key variable, or any non-loopback https) needs its key set and the network, and is
/// never told to start a server. The probe reads response headers only: a hostile server's huge body is never read.
/// </summary>
internal static class DoctorModelChecks
{
    public static async Task<IReadOnlyList<DoctorCheck>> CheckAsync(IConfiguration configuration, string? only, CancellationToken ct)
    {
        var profiles = configuration.GetSection("Models").GetChildren()
            .Where(p => only is null || string.Equals(p.Key, only, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (only is not null && profiles.Count == 0)
        {
            throw new UsageException($"There is no model profile '{only}' in the configuration (Models:{only}). Known: {string.Join(", ", configuration.GetSection("Models").GetChildren().Select(c => c.Key))}.");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var native = configuration.GetSection(Models.LlamaSharp.LlamaSharpOptions.SectionName).Get<Models.LlamaSharp.LlamaSharpOptions>();
        return await Task.WhenAll(profiles.Select(p => CheckOneAsync(http, p, native, ct))).ConfigureAwait(false);
    }

    private static async Task<DoctorCheck> CheckOneAsync(HttpClient http, IConfigurationSection p, Models.LlamaSharp.LlamaSharpOptions? native, CancellationToken ct)
    {
        var name = $"model {p.Key}";
        var kind = p["Kind"] ?? "openai";
        var parsed = ModelKinds.TryParse(kind, out var k) ? k : (ModelKind?)null;
        if (parsed == ModelKind.LlamaSharp)
        {
            var profile = new ModelProfile();
            p.Bind(profile);
            profile.Name = p.Key;
            var (ok, text) = await VisualAgent.Hosting.InProcessModelDoctor.CheckAsync(profile, native, cancellationToken: ct).ConfigureAwait(false);
            return new DoctorCheck(name, ok ? DoctorCheck.Ok : DoctorCheck.Warning, text, false, ok ? p.Key : null);
        }

        if (parsed != ModelKind.OpenAi)
        {
            var what = parsed switch
            {
                ModelKind.Ocr => "offline OCR grounder (no endpoint)",
                ModelKind.Offline => "offline: page elements, OCR where there are none (no endpoint)",
                _ => $"{kind} (no endpoint)",
            };
            return new DoctorCheck(name, DoctorCheck.Ok, what, false);
        }

        var endpoint = p["Endpoint"] ?? p.GetSection("Endpoints").GetChildren().FirstOrDefault()?.Value;
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint.TrimEnd('/') + "/models", UriKind.Absolute, out var models))
        {
            return new DoctorCheck(name, DoctorCheck.Warning, $"no usable Endpoint configured: set Models:{p.Key}:Endpoint to the server's /v1 URL", false);
        }

        var shown = UrlRedaction.Redact(endpoint);
        var keyEnv = p["ApiKeyEnv"];
        var hosted = IsHosted(models, keyEnv);
        var key = keyEnv is null ? null : Environment.GetEnvironmentVariable(keyEnv);
        if (keyEnv is not null && string.IsNullOrEmpty(key))
        {
            return new DoctorCheck(name, DoctorCheck.Warning, $"hosted at {models.Host}: needs an API key in {keyEnv}, which is not set (export {keyEnv}=...)", false);
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, models);
            if (!string.IsNullOrEmpty(key))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            using var reply = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var status = (int)reply.StatusCode;
            if (reply.IsSuccessStatusCode)
            {
                return new DoctorCheck(name, DoctorCheck.Ok, keyEnv is null ? $"{shown} answers" : $"{shown} answers and accepts the key in {keyEnv}", false, p.Key);
            }

            var fix = status is 401 or 403
                ? keyEnv is null ? $"it wants an API key: set Models:{p.Key}:ApiKeyEnv to the variable that holds one" : $"the key in {keyEnv} was refused: check it"
                : $"check Models:{p.Key}:Endpoint and Model";
            return new DoctorCheck(name, DoctorCheck.Warning, $"{shown} answered HTTP {status}: {fix}", false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new DoctorCheck(name, DoctorCheck.Warning, hosted
                ? $"{shown} is not reachable from this machine (no network, a proxy, or a wrong URL): check the connection and Models:{p.Key}:Endpoint"
                : $"{shown} is not reachable: start the server (see the README, 'Serving real models') or fix Models:{p.Key}:Endpoint", false);
        }
    }

    /// <summary>A hosted service (a provider's API) rather than a server one starts here or on the LAN.</summary>
    private static bool IsHosted(Uri endpoint, string? keyEnv) =>
        !endpoint.IsLoopback && (keyEnv is not null || endpoint.Scheme == Uri.UriSchemeHttps);
}
