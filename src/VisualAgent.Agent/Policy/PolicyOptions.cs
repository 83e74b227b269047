using VisualAgent.Errors;

namespace VisualAgent.Agent.Policy;

/// <summary>The safety policy's settings (appsettings.json section "Policy").</summary>
public sealed record PolicyOptions
{
    /// <summary>
    /// Origins the agent may navigate to and act on, besides the run's start origin (always allowed) and, when
    /// <see cref="AllowLocalhost"/>, localhost. An entry is an origin ("https://shop.example.com", exact scheme, host and
    /// port) or a host pattern ("example.com", "*.example.com", any scheme and port). Default: none.
    /// </summary>
    public List<string> AllowedOrigins { get; init; } = [];

    /// <summary>localhost, 127.0.0.1 and [::1] on any port are allowed. Default: true.</summary>
    public bool AllowLocalhost { get; init; } = true;

    /// <summary>
    /// Words that make a click risky (matched as whole words, case-insensitive, in the target and the element's name
    /// and text, after look-alike letters are folded: a Cyrillic "е" in "Dеlete" counts as "e"); a risky click needs
    /// confirmation. Default: the list below.
    /// </summary>
    public List<string> RiskyWords { get; init; } =
    [
        "delete", "remove", "pay", "payment", "purchase", "buy", "transfer", "send money", "checkout", "check out",
        "place order", "confirm order", "deactivate", "close account", "erase", "wipe", "destroy", "unsubscribe",
        "cancel subscription", "withdraw", "donate",
    ];

    /// <summary>Typing a literal value into a password field needs confirmation ({{secret:NAME}} values do not). Default: true.</summary>
    public bool ConfirmPasswordTyping { get; init; } = true;

    /// <summary>Uploading a file needs confirmation. Default: true.</summary>
    public bool ConfirmUploads { get; init; } = true;

    /// <summary>Navigating outside the allowed origins asks for confirmation instead of being refused. Default: false.</summary>
    public bool ConfirmLeavingOrigins { get; init; }

    /// <summary>Throws <see cref="UsageException"/> when a setting cannot work.</summary>
    public void Validate()
    {
        foreach (var origin in AllowedOrigins)
        {
            if (string.IsNullOrWhiteSpace(origin) || origin.Contains(' ', StringComparison.Ordinal))
            {
                throw new UsageException($"Policy:AllowedOrigins has an unusable entry \"{origin}\": write an origin such as https://example.com or a host such as *.example.com.");
            }
        }

        if (RiskyWords.Any(string.IsNullOrWhiteSpace))
        {
            throw new UsageException("Policy:RiskyWords has an empty entry: remove it.");
        }
    }
}
