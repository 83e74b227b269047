using System.Text.RegularExpressions;
using VisualAgent.Drivers;
using VisualAgent.Planning;

namespace VisualAgent.Agent.Policy;

/// <summary>
/// Decides, before each step acts, whether it may: navigation stays inside the allowed origins, risky clicks and
/// password typing and uploads need a person's yes. One instance per run: the first page opened is the start origin.
/// </summary>
public sealed partial class SafetyPolicy
{
    private readonly PolicyOptions _options;
    private readonly OriginRules _origins;
    private readonly Regex? _risky;

    public SafetyPolicy(PolicyOptions options, string? startUrl = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _origins = new OriginRules(options) { StartOrigin = OriginRules.OriginOf(startUrl) };
        _risky = options.RiskyWords.Count == 0
            ? null
            : new Regex(@"\b(?:" + string.Join('|', options.RiskyWords.Select(w => Regex.Escape(w.Trim()).Replace(@"\ ", @"\s+", StringComparison.Ordinal))) + @")\b",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The origin of the run's first page; navigation there is always allowed.</summary>
    public string? StartOrigin => _origins.StartOrigin;

    /// <summary>Remembers the run's start origin if none is set yet (the first page opened).</summary>
    public void NoteStart(string url) => _origins.StartOrigin ??= OriginRules.OriginOf(url);

    public bool IsAllowedUrl(string url) => _origins.IsAllowed(url);

    /// <summary>Checks a navigation (an open step, or where the page went after an action).</summary>
    public PolicyDecision CheckNavigation(string url)
    {
        if (_origins.StartOrigin is null || _origins.IsAllowed(url))
        {
            return PolicyDecision.Allowed;
        }

        var reason = $"navigation to {url} leaves the allowed origins (start origin {_origins.StartOrigin}; add it to Policy:AllowedOrigins to allow it)";
        return _options.ConfirmLeavingOrigins ? PolicyDecision.Confirm(reason) : PolicyDecision.Deny(reason);
    }

    /// <summary>
    /// Decides, before it leaves, a request the page makes (null lets it go): nothing is sent to an origin outside the
    /// allowed ones (any method but GET/HEAD/OPTIONS), the page itself never goes there unless leaving is confirmable,
    /// and once a secret was typed in the run nothing at all reaches such an origin.
    /// </summary>
    public string? RequestVerdict(OutgoingRequest request, bool secretTyped)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_origins.StartOrigin is null || !request.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase) || _origins.IsAllowed(request.Url))
        {
            return null;
        }

        var origin = OriginRules.OriginOf(request.Url) ?? "another origin";
        if (request.Method is not ("GET" or "HEAD" or "OPTIONS"))
        {
            return $"the page tried to send data ({request.Method}) to {origin}, which is not an allowed origin";
        }

        if (request.IsNavigation && request.IsMainFrame && !_options.ConfirmLeavingOrigins)
        {
            return $"the page tried to go to {origin}, which is not an allowed origin (add it to Policy:AllowedOrigins to allow it)";
        }

        return secretTyped ? $"a secret was typed in this run: nothing may reach {origin}, which is not an allowed origin" : null;
    }

    /// <summary>Checks one step against the element it will hit (when known) and the page it is on.</summary>
    public PolicyDecision Check(StepIntent step, ElementFacts? element, string? currentUrl)
    {
        ArgumentNullException.ThrowIfNull(step);
        switch (step.Verb)
        {
            case StepVerb.Open:
                return CheckNavigation(step.Value ?? "");
            case StepVerb.Click or StepVerb.DoubleClick or StepVerb.Check or StepVerb.Uncheck:
                var word = RiskyWord(step.Target, element?.Name, element?.Text, element?.Label);
                return word is null ? PolicyDecision.Allowed
                    : PolicyDecision.Confirm($"clicking \"{Shown(step.Target, element)}\" is risky (\"{word}\")");
            case StepVerb.Type:
                return CheckTyping(step, element, currentUrl);
            case StepVerb.Upload:
                return _options.ConfirmUploads
                    ? PolicyDecision.Confirm($"uploading {step.Value} to \"{Shown(step.Target, element)}\"")
                    : PolicyDecision.Allowed;
            default:
                return PolicyDecision.Allowed;
        }
    }

    /// <summary>How to answer a native dialog: Allow = accept, Deny = dismiss, NeedsConfirmation = ask a person.</summary>
    public PolicyDecision CheckDialog(NativeDialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (dialog.Kind is NativeDialogKind.Confirm or NativeDialogKind.Prompt && RiskyWord(dialog.Message) is { } word)
        {
            return PolicyDecision.Confirm($"the page asks \"{dialog.Message}\" (risky: \"{word}\")");
        }

        return PolicyDecision.Allowed;
    }

    /// <summary>The first risky word found in the texts, or null; look-alike letters count as the letters they mimic (<see cref="ConfusableText"/>).</summary>
    public string? RiskyWord(params string?[] texts)
    {
        if (_risky is null)
        {
            return null;
        }

        foreach (var text in texts)
        {
            if (text is not null && _risky.Match(ConfusableText.Fold(text)!) is { Success: true } m)
            {
                return m.Value;
            }
        }

        return null;
    }

    private PolicyDecision CheckTyping(StepIntent step, ElementFacts? element, string? currentUrl)
    {
        var value = step.Value ?? "";
        var isSecret = SecretResolver.ContainsSecret(value);
        if (isSecret && _origins.StartOrigin is not null)
        {
            // A secret stays on its origin: the page, the frame holding the field and the place its form sends it to.
            if (currentUrl is not null && !_origins.IsAllowed(currentUrl))
            {
                return PolicyDecision.Deny($"a secret may only be typed on the allowed origins, not on {currentUrl}");
            }

            if (element?.FrameUrl is { } frame && !IsAllowedOrLocal(frame))
            {
                return PolicyDecision.Deny(element.Tag is "iframe" or "frame"
                    ? $"a secret may not be typed into a frame from {frame}: it is another origin, whose fields cannot be checked"
                    : $"a secret may only be typed in frames on the allowed origins, not in one from {frame}");
            }

            if (element?.FormAction is { } action && !IsAllowedOrLocal(action))
            {
                return PolicyDecision.Deny($"the field's form sends what is typed to {action}, which is not an allowed origin; the secret was not typed");
            }
        }

        // Password-like by what the field is or says, or by what the step calls it, whatever element was hit.
        var password = element?.IsPassword == true
            || PasswordWords().IsMatch(ConfusableText.Fold(string.Join(' ', step.Target, element?.Name, element?.Label, element?.Placeholder))!);
        if (password && _options.ConfirmPasswordTyping && !SecretResolver.IsSecretReference(value))
        {
            return PolicyDecision.Confirm($"typing a password written in the instruction into \"{Shown(step.Target, element)}\" (use {{{{secret:NAME}}}} to avoid this question)");
        }

        return PolicyDecision.Allowed;
    }

    /// <summary>Allowed origins, and addresses that carry no origin of their own (about:blank, data:, blob:, javascript: stay with the page).</summary>
    private bool IsAllowedOrLocal(string url) =>
        !url.StartsWith("http", StringComparison.OrdinalIgnoreCase) || _origins.IsAllowed(url);

    [GeneratedRegex(@"\b(?:password|passwd|passcode|passphrase|pin|pin code)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordWords();

    private static string Shown(string? target, ElementFacts? element) => target ?? element?.Name ?? element?.Text ?? "the element";
}
