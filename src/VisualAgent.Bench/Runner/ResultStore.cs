using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text;
using VisualAgent.Bench.Scoring;

namespace VisualAgent.Bench.Runner;

/// <summary>
/// results/&lt;model&gt;.jsonl: one line per finished sample, appended as one write and flushed at once, so a
/// killed run loses at most the samples in flight. Loading keeps the first line of each id and ignores a truncated
/// (unparsable) line, so a rerun never duplicates a sample.
/// </summary>
internal sealed class ResultStore : IDisposable
{
    public static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly Lock _lock = new();
    private readonly FileStream _stream;
    private readonly Dictionary<string, SampleResult> _results;

    private ResultStore(string path, Dictionary<string, SampleResult> results, int ignored)
    {
        Path = path;
        _results = results;
        IgnoredLines = ignored;
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
        if (_stream.Length > 0 && LastByte(path) != '\n')
        {
            // The previous run was killed mid-line: end that line so the next one starts clean.
            _stream.Write("\n"u8);
            _stream.Flush();
        }
    }

    public string Path { get; }

    /// <summary>Lines of an earlier run that did not parse (a truncated last line) or repeated an id.</summary>
    public int IgnoredLines { get; }

    public IReadOnlyCollection<SampleResult> Results
    {
        get
        {
            lock (_lock)
            {
                return [.. _results.Values];
            }
        }
    }

    /// <summary>The file of <paramref name="model"/>'s results in <paramref name="outDir"/>.</summary>
    public static string FileFor(string outDir, string model) =>
        System.IO.Path.Combine(outDir, "results", SafeName(model) + ".jsonl");

    public static ResultStore Open(string outDir, string model)
    {
        var path = FileFor(outDir, model);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var (results, ignored) = Load(path);
        return new ResultStore(path, results, ignored);
    }

    /// <summary>Reads a results file: first line per id wins; unparsable lines are counted, not fatal.</summary>
    public static (Dictionary<string, SampleResult> Results, int Ignored) Load(string path)
    {
        var results = new Dictionary<string, SampleResult>(StringComparer.Ordinal);
        var ignored = 0;
        if (!File.Exists(path))
        {
            return (results, 0);
        }

        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            SampleResult? r = null;
            try
            {
                r = JsonSerializer.Deserialize<SampleResult>(line, Json);
            }
            catch (JsonException)
            {
            }

            if (r is null || !results.TryAdd(r.Id, r))
            {
                ignored++;
            }
        }

        return (results, ignored);
    }

    public bool IsDone(string id)
    {
        lock (_lock)
        {
            return _results.ContainsKey(id);
        }
    }

    /// <summary>Appends the result as one whole line and flushes it; a second result for the same id is dropped.</summary>
    public bool Append(SampleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(result, Json) + "\n");
        lock (_lock)
        {
            if (!_results.TryAdd(result.Id, result))
            {
                return false;
            }

            _stream.Write(bytes);
            _stream.Flush();
            return true;
        }
    }

    public void Dispose() => _stream.Dispose();

    public static string SafeName(string model)
    {
        var chars = model.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        return new string(chars);
    }

    private static int LastByte(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (s.Length == 0)
        {
            return -1;
        }

        s.Seek(-1, SeekOrigin.End);
        return s.ReadByte();
    }
}
