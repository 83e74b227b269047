using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VisualAgent.Actions;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Simulator;

/// <summary>
/// A SIMULATED vision-language model: an in-process HTTP server on 127.0.0.1 (a free port) speaking the OpenAI
/// chat-completions protocol (JSON and SSE) and answering in one dialect from ground truth the caller registers.
/// It reads the size of the image it actually received and writes coordinates with
/// <see cref="IModelDialect.FormatReply"/> for that size, so a resize or mapping bug in the client fails.
/// Every response says it is simulated: model "sim-&lt;id&gt;", system_fingerprint "visual-agent-simulator".
/// </summary>
public sealed class SimulatedServer(IModelDialect dialect, SimulatedServerOptions? options = null) : IAsyncDisposable
{
    private readonly SimulatedServerOptions _options = options ?? new SimulatedServerOptions();
    private readonly GroundTruth _truth = new();
    private readonly FaultBook _faults = new();
    private readonly ToolScript _tools = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<SimulatedRequest> _requests = [];
    private WebApplication? _app;
    private int _inFlight;
    private int _maxInFlight;

    public IModelDialect Dialect => dialect;

    /// <summary>Base URL for an OpenAI client, ending in /v1 (e.g. http://127.0.0.1:41234/v1); set by StartAsync.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The most requests that were in flight at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public IReadOnlyList<SimulatedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>
    /// Starts the simulator a sim-&lt;dialect&gt; profile needs (its dialect, divisor and padding, its model id);
    /// call <c>profile.WithEndpoint(server.BaseUrl)</c> to get the profile to create the client with.
    /// </summary>
    public static async Task<SimulatedServer> StartForProfileAsync(ModelProfile profile, CancellationToken cancellationToken = default)
    {
        var dialect = DialectRegistry.Get(profile.Dialect ?? throw new ArgumentException($"Model profile '{profile.Name}' names no dialect.", nameof(profile)));
        var server = new SimulatedServer(dialect, new SimulatedServerOptions { Divisor = profile.Divisor, PadToSquare = profile.PadToSquare });
        if (profile.Model is { Length: > 0 } model)
        {
            server.AddModel(model);
        }

        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var endpoint = new ChatCompletionsEndpoint(this, dialect, _truth, _faults, _options) { Tools = _tools };
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var now = Interlocked.Increment(ref _inFlight);
            UpdateMax(now);
            try
            {
                await endpoint.HandleAsync(context, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (timeout) or the server is stopping: drop the connection rather than answer.
                context.Abort();
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
        app.MapGet("/v1/models", () => Results.Text(ModelList().ToJsonString(), "application/json"));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.TrimEnd('/') + "/v1";
    }

    /// <summary>Grounding truth: a request whose user text contains <paramref name="instruction"/> is answered with a click at the box centre (and the box).</summary>
    public void RegisterTarget(string instruction, ScreenBox box, PixelSize originalSize) =>
        _truth.AddTarget(instruction, GroundTruth.ClickAt(box), originalSize);

    /// <summary>Any answer for requests containing <paramref name="instruction"/> (text answers, spotted text, other actions).</summary>
    public void RegisterAnswer(string instruction, ParsedReply answer, PixelSize originalSize) =>
        _truth.AddTarget(instruction, answer, originalSize);

    /// <summary>Scripted actions in screenshot pixels of the original image, answered one per request that matches no target.</summary>
    public void RegisterScript(IEnumerable<AgentAction> actions, PixelSize originalSize)
    {
        foreach (var action in actions)
        {
            _truth.AddScripted(new ParsedReply { Action = action, Thought = action.Thought }, originalSize);
        }
    }

    /// <summary>
    /// Function calls to answer with, one per request that offers tools, in order (e.g. what a perfect planner would call
    /// for a task's solution); <paramref name="finalText"/> once they are used up. A call's function name matches the
    /// offered tool of that name or ending in _NAME (Semantic Kernel's PLUGIN_FUNCTION). Answers are simulated.
    /// </summary>
    public void RegisterToolCalls(IEnumerable<(string Function, JsonObject Arguments)> calls, string finalText) => _tools.Add(calls, finalText);

    public void InjectFault(SimulatedFault fault) => _faults.Add(fault);

    public void ClearFaults() => _faults.Clear();

    /// <summary>Also serve this model id (others get 404).</summary>
    public void AddModel(string modelId)
    {
        lock (_lock)
        {
            _options.ModelIds.Add(modelId);
        }
    }

    internal bool Serves(string model)
    {
        lock (_lock)
        {
            return _options.AcceptAnyModel || model == dialect.Id || model == "sim-" + dialect.Id || _options.ModelIds.Contains(model);
        }
    }

    internal void Record(SimulatedRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private JsonObject ModelList()
    {
        List<string> ids;
        lock (_lock)
        {
            ids = [dialect.Id, .. _options.ModelIds];
        }

        var data = new JsonArray();
        foreach (var id in ids.Distinct())
        {
            data.Add(new JsonObject { ["id"] = id, ["object"] = "model", ["owned_by"] = "visual-agent-simulator", ["simulated"] = true });
        }

        return new JsonObject { ["object"] = "list", ["data"] = data };
    }

    private void UpdateMax(int now)
    {
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
    }
}
