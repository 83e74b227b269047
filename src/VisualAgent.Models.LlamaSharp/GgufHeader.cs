using System.Buffers.Binary;
using VisualAgent.Errors;

namespace VisualAgent.Models.LlamaSharp;

/// <summary>
/// The first bytes of a GGUF file, read before llama.cpp sees it so a missing, empty or non-GGUF file gets a message that
/// says what is wrong instead of a native failure: magic "GGUF", version, tensor and metadata counts.
/// </summary>
public sealed record GgufHeader(uint Version, ulong TensorCount, ulong MetadataCount, long FileBytes)
{
    public const int Size = 24;

    /// <summary>Reads the header of <paramref name="path"/>; a UsageException names <paramref name="setting"/> when the file is not a GGUF file.</summary>
    public static GgufHeader Read(string path, string setting)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{setting}: the file '{path}' does not exist. Point it at a .gguf file (relative paths start at the working directory).");
        }

        var bytes = new byte[Size];
        long length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.Length;
            stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        }

        if (length < Size || bytes[0] != 'G' || bytes[1] != 'G' || bytes[2] != 'U' || bytes[3] != 'F')
        {
            throw new UsageException($"{setting}: '{path}' is not a GGUF file (it does not start with the bytes \"GGUF\"; {length} bytes). Convert the model with llama.cpp's convert_hf_to_gguf.py or download a .gguf build.");
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        if (version is < 2 or > 3)
        {
            throw new UsageException($"{setting}: '{path}' is GGUF version {version}; llama.cpp reads versions 2 and 3. Re-convert it with a current llama.cpp.");
        }

        return new GgufHeader(version, BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8)), BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16)), length);
    }
}
