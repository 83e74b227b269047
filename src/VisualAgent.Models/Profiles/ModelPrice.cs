namespace VisualAgent.Models.Profiles;

/// <summary>What a model costs, for the bench's cost columns: a GPU hour (self-hosted) or per million tokens (hosted). Null = unknown.</summary>
public sealed class ModelPrice
{
    /// <summary>Cost of one GPU hour of the machine serving the model, in the report's currency.</summary>
    public double? PerGpuHour { get; set; }

    public double? PerMillionInput { get; set; }

    public double? PerMillionOutput { get; set; }
}
