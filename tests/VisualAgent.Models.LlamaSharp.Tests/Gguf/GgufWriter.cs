using System.Text;

namespace VisualAgent.Models.LlamaSharp.Tests.Gguf;

/// <summary>
/// Writes GGUF v3 files (the format llama.cpp loads): a header, typed metadata, tensor descriptions and F32 tensor data,
/// each tensor aligned to 32 bytes. Enough of the format for the tiny test models; see ggml's docs/gguf.md.
/// </summary>
internal sealed class GgufWriter
{
    private const int Alignment = 32;
    private readonly List<(string Key, Action<BinaryWriter> Write)> _metadata = [];
    private readonly List<(string Name, long[] Shape, float[] Data)> _tensors = [];

    public GgufWriter Add(string key, string value) => Meta(key, w => { w.Write(8u); WriteString(w, value); });

    public GgufWriter Add(string key, uint value) => Meta(key, w => { w.Write(4u); w.Write(value); });

    public GgufWriter Add(string key, float value) => Meta(key, w => { w.Write(6u); w.Write(value); });

    public GgufWriter Add(string key, IReadOnlyList<string> values) => Meta(key, w =>
    {
        w.Write(9u);
        w.Write(8u);
        w.Write((ulong)values.Count);
        foreach (var v in values)
        {
            WriteString(w, v);
        }
    });

    public GgufWriter Add(string key, IReadOnlyList<float> values) => Meta(key, w =>
    {
        w.Write(9u);
        w.Write(6u);
        w.Write((ulong)values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    });

    public GgufWriter Add(string key, IReadOnlyList<int> values) => Meta(key, w =>
    {
        w.Write(9u);
        w.Write(5u);
        w.Write((ulong)values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    });

    /// <summary>An F32 tensor; <paramref name="shape"/> in ggml order (innermost dimension first).</summary>
    public GgufWriter Tensor(string name, long[] shape, float[] data)
    {
        if (shape.Aggregate(1L, (a, b) => a * b) != data.Length)
        {
            throw new ArgumentException($"{name}: shape and data length differ", nameof(data));
        }

        _tensors.Add((name, shape, data));
        return this;
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        using var w = new BinaryWriter(stream, Encoding.UTF8);
        w.Write("GGUF"u8);
        w.Write(3u);
        w.Write((ulong)_tensors.Count);
        w.Write((ulong)_metadata.Count);
        foreach (var (key, write) in _metadata)
        {
            WriteString(w, key);
            write(w);
        }

        ulong offset = 0;
        foreach (var (name, shape, data) in _tensors)
        {
            WriteString(w, name);
            w.Write((uint)shape.Length);
            foreach (var d in shape)
            {
                w.Write((ulong)d);
            }

            w.Write(0u); // GGML_TYPE_F32
            w.Write(offset);
            offset = Align(offset + ((ulong)data.Length * 4));
        }

        Pad(w);
        foreach (var (_, _, data) in _tensors)
        {
            foreach (var f in data)
            {
                w.Write(f);
            }

            Pad(w);
        }
    }

    private GgufWriter Meta(string key, Action<BinaryWriter> write)
    {
        _metadata.Add((key, write));
        return this;
    }

    private static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static ulong Align(ulong n) => (n + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter w)
    {
        w.Flush();
        var position = (ulong)w.BaseStream.Position;
        for (var i = position; i < Align(position); i++)
        {
            w.Write((byte)0);
        }
    }
}
