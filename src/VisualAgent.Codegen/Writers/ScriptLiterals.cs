using System.Text;

namespace VisualAgent.Codegen.Writers;

/// <summary>String literals every target language reads the same way.</summary>
internal static class ScriptLiterals
{
    /// <summary>A double-quoted literal with C-style escapes (C#, TypeScript and Python agree on these).</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }
}
