using VisualAgent.Agent.Policy;
using VisualAgent.Drivers;
using VisualAgent.Planning;

namespace VisualAgent.Codegen.Replay;

/// <summary>
/// The safety policy applied to a replay: navigation and outgoing requests as in a run (from the replay's start page), and
/// a secret typed only where the recording typed it. A secret's origin is the recording's start origin (the samples server
/// of this session when the recording used the samples server) or one listed in Policy:AllowedOrigins; being local does
/// not make another origin the secret's, so a replay pointed at another copy of the app never types it there.
/// </summary>
internal sealed class ReplaySafety
{
    private readonly SafetyPolicy _navigation;
    private readonly SafetyPolicy _secrets;
    private readonly string _where;

    public ReplaySafety(PolicyOptions policy, string? recordedBase, string? recordedSamplesBase, string? samplesBaseNow, string? startNow)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var origin = OriginOf(recordedBase);
        _where = $"the recording typed it on {origin}";
        if (origin is not null && samplesBaseNow is not null && string.Equals(origin, OriginOf(recordedSamplesBase), StringComparison.Ordinal))
        {
            origin = OriginOf(samplesBaseNow);
            _where = $"the recording typed it on the samples server, {origin} in this replay";
        }

        SecretOrigin = origin;
        _secrets = new SafetyPolicy(policy with { AllowLocalhost = false, ConfirmPasswordTyping = false }, origin);
        _navigation = new SafetyPolicy(policy, startNow);
    }

    /// <summary>The origin the recording's secrets belong to now (null when the recording has no web origin).</summary>
    public string? SecretOrigin { get; }

    /// <summary>True once a secret was typed: from then on nothing at all may reach an origin outside the allowed ones.</summary>
    public bool SecretTyped { get; set; }

    /// <summary>The request guard of a run: null lets a request go, else why it is blocked.</summary>
    public string? RequestVerdict(OutgoingRequest request) => _navigation.RequestVerdict(request, SecretTyped);

    /// <summary>Why the replay may not open <paramref name="url"/>, or null.</summary>
    public string? NavigationRefusal(string url) =>
        _navigation.CheckNavigation(url) is { Verdict: PolicyVerdict.Deny or PolicyVerdict.NeedsConfirmation } d ? d.Reason : null;

    /// <summary>
    /// Why a typing step holding a secret may not type it on this page into this element, or null when it may (or the step
    /// types no secret). Checked before the field is even clicked.
    /// </summary>
    public string? SecretRefusal(StepIntent intent, ElementFacts? element, string currentUrl)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (!SecretResolver.ContainsSecret(intent.Value))
        {
            return null;
        }

        if (SecretOrigin is null)
        {
            return "the recording has no web origin for its secret, so replay cannot tell where it may be typed; the secret was not typed";
        }

        return _secrets.Check(intent, element, currentUrl) is { Verdict: PolicyVerdict.Deny } denied
            ? $"{denied.Reason} ({_where}; add this page's origin to Policy:AllowedOrigins to allow it)"
            : null;
    }

    private static string? OriginOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;
}
