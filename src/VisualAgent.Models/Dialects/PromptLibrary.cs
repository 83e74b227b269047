using System.Collections.Concurrent;
using System.Text;
using VisualAgent.Errors;

namespace VisualAgent.Models.Dialects;

/// <summary>
/// The prompt templates under prompts/&lt;dialect-id&gt;/ (plain text with {{placeholders}}), loaded at run time. The
/// folder is found beside the executable (AppContext.BaseDirectory/prompts, where the CLI copies it) or by walking up
/// from there to the repository root.
/// </summary>
public sealed class PromptLibrary
{
    private static readonly Lazy<PromptLibrary> LazyDefault = new(() => new PromptLibrary(Locate()));

    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    public PromptLibrary(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The library found from AppContext.BaseDirectory (see <see cref="Locate"/>).</summary>
    public static PromptLibrary Default => LazyDefault.Value;

    public string Folder { get; }

    /// <summary>
    /// AppContext.BaseDirectory/prompts when it exists, else the first prompts folder found walking up from there.
    /// Throws <see cref="EnvironmentMissingException"/> naming the places tried.
    /// </summary>
    public static string Locate()
    {
        var start = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "prompts");
            if (Directory.Exists(Path.Combine(candidate, "qwen3-vl")))
            {
                return candidate;
            }
        }

        throw new EnvironmentMissingException(
            $"No prompts folder found in {start} or any folder above it: the build copies prompts/ beside the executable; "
            + "rebuild, or run from the repository.");
    }

    public bool Exists(string dialectId, string name) => File.Exists(PathOf(dialectId, name));

    /// <summary>The template text, cached after the first read. Line endings are normalised to LF (byte-stable prompts).</summary>
    public string Load(string dialectId, string name)
    {
        var path = PathOf(dialectId, name);
        return _cache.GetOrAdd(path, static p =>
        {
            if (!File.Exists(p))
            {
                throw new EnvironmentMissingException($"The prompt template {p} is missing: restore it from the repository's prompts/ folder.");
            }

            return File.ReadAllText(p, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        });
    }

    /// <summary>Loads and renders a template; every {{name}} must be in <paramref name="values"/>.</summary>
    public string Render(string dialectId, string name, IReadOnlyDictionary<string, string> values) =>
        RenderText(Load(dialectId, name), values, $"prompts/{dialectId}/{name}");

    /// <summary>Replaces {{name}} placeholders; an unknown one is an error naming the template and the known names.</summary>
    public static string RenderText(string template, IReadOnlyDictionary<string, string> values, string templateName = "template")
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var sb = new StringBuilder(template.Length + 256);
        var pos = 0;
        while (pos < template.Length)
        {
            var open = template.IndexOf("{{", pos, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (open < 0 || close < 0)
            {
                sb.Append(template, pos, template.Length - pos);
                break;
            }

            sb.Append(template, pos, open - pos);
            var name = template[(open + 2)..close].Trim();
            if (!values.TryGetValue(name, out var value))
            {
                throw new UsageException(
                    $"The prompt {templateName} uses {{{{{name}}}}}, which is not one of: {string.Join(", ", values.Keys.Order(StringComparer.Ordinal))}.");
            }

            sb.Append(value);
            pos = close + 2;
        }

        return sb.ToString();
    }

    private string PathOf(string dialectId, string name) => Path.Combine(Folder, dialectId, name);
}
