using System.Text.Json;
using System.Text.Json.Serialization;
using VisualAgent.Errors;

namespace VisualAgent.Bench.Datasets;

/// <summary>Reads and writes grounding annotation files (a JSON array of <see cref="GroundingSample"/>).</summary>
internal static class GroundingSetFile
{
    /// <summary>The annotation file name the generator writes.</summary>
    public const string DefaultFileName = "grounding-samples.json";

    /// <summary>The images folder beside it.</summary>
    public const string ImagesFolder = "images";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static async Task<IReadOnlyList<GroundingSample>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"The annotation file '{path}' does not exist.");
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                var samples = await JsonSerializer.DeserializeAsync<List<GroundingSample>>(stream, Json, cancellationToken).ConfigureAwait(false);
                return samples ?? [];
            }
            catch (JsonException ex)
            {
                throw new UsageException($"'{path}' is not a grounding annotation file (a JSON array of {{img_filename, bbox, instruction, ...}}): {ex.Message}");
            }
        }
    }

    public static async Task WriteAsync(string path, IEnumerable<GroundingSample> samples, CancellationToken cancellationToken = default)
    {
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, samples.ToList(), Json, cancellationToken).ConfigureAwait(false);
        }
    }
}
