namespace VisualAgent.Codegen.Plans;

/// <summary>Text a script types: literal parts and secrets, which scripts read from environment variables (never the value).</summary>
public sealed partial record ScriptText(IReadOnlyList<ScriptTextPart> Parts)
{
    public bool HasSecret => Parts.Any(p => p.Secret);

    /// <summary>The text as recorded, secrets as {{secret:NAME}}.</summary>
    public override string ToString() => string.Concat(Parts.Select(p => p.Secret ? $"{{{{secret:{p.Text}}}}}" : p.Text));

    /// <summary>Splits recorded text into literal parts and {{secret:NAME}} parts.</summary>
    public static ScriptText Parse(string text)
    {
        var parts = new List<ScriptTextPart>();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match m in SecretPattern().Matches(text))
        {
            if (m.Index > at)
            {
                parts.Add(new ScriptTextPart(text[at..m.Index], false));
            }

            parts.Add(new ScriptTextPart(m.Groups[1].Value, true));
            at = m.Index + m.Length;
        }

        if (at < text.Length || parts.Count == 0)
        {
            parts.Add(new ScriptTextPart(text[at..], false));
        }

        return new ScriptText(parts);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{secret:([A-Za-z_][A-Za-z0-9_]*)\}\}")]
    private static partial System.Text.RegularExpressions.Regex SecretPattern();
}

/// <summary>A literal piece of text, or (Secret) the name of the environment variable that holds a secret.</summary>
public sealed record ScriptTextPart(string Text, bool Secret);
