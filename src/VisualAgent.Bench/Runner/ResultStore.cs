using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text;
using VisualAgent.Bench.Scoring;

namespace VisualAgent.Bench.Runner;

/// <summary>
/// results/&lt;model&gt;.jsonl: one line per finished sample, appended as one write and flushed at once, so a
/// killed run loses at most the samples in flight. Loading keeps the last line of each id (a sample run again after an
/// edit or a transient error supersedes its earlier line) and ignores a truncated (unparsable) line. A sample counts as
/// done only under its current resume key and when it did not end in a transient error.
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

    /// <summary>Lines of an earlier run that did not parse (a truncated last line) or were superseded by a later line of their id.</summary>
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

    /// <summary>Reads a results file: the last line per id wins; unparsable and superseded lines are counted, not fatal.</summary>
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

            if (r is null || results.ContainsKey(r.Id))
            {
                ignored++;
            }

            if (r is not null)
            {
                results[r.Id] = r;
            }
        }

        return (results, ignored);
    }

    /// <summary>True when the sample has a result under <paramref name="key"/> that is not a transient error.</summary>
    public bool IsDone(string id, string key)
    {
        lock (_lock)
        {
            return _results.TryGetValue(id, out var r) && r.Key == key && r.Status != SampleResult.StatusError;
        }
    }

    /// <summary>The results of these samples under their current keys (what the summary is made of).</summary>
    public IReadOnlyCollection<SampleResult> Current(IReadOnlyDictionary<string, string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            return [.. _results.Values.Where(r => keys.TryGetValue(r.Id, out var key) && r.Key == key)];
        }
    }

    /// <summary>Appends the result as one whole line and flushes it; it supersedes an earlier result of its id.</summary>
    public bool Append(SampleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(result, Json) + "\n");
        lock (_lock)
        {
            _results[result.Id] = result;
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
