namespace VisualAgent.Models.Serving;

/// <summary>The kind of numbers a profile's dialect reads coordinates as (shared/DIALECTS.md).</summary>
public enum ServingSpaceKind
{
    /// <summary>The family writes no coordinates (BLIP-2): nothing to check.</summary>
    None,

    /// <summary>A relative grid 0..Divisor of the image seen (Qwen3-VL, Qwen2-VL / UI-TARS v1, MiniGPT-v2, Holo2, MAI-UI).</summary>
    Grid,

    /// <summary>Absolute pixels of the image as sent (Qwen2.5-VL, UI-TARS-1.5, generic JSON).</summary>
    Pixels,

    /// <summary>Normalised floats 0..1, of the padded square or of the image (LLaVA).</summary>
    Normalized,
}

/// <summary>How a profile reads coordinates: the space, its grid divisor and the padded-square setting.</summary>
public sealed record ServingSpace(ServingSpaceKind Kind, double Divisor = 1000, bool PadToSquare = false)
{
    /// <summary>The space a profile's dialect and settings read, by dialect id.</summary>
    public static ServingSpace Of(string dialect, double divisor, bool padToSquare) => dialect switch
    {
        "qwen3-vl" => new(ServingSpaceKind.Grid, divisor),
        "qwen2-vl" or "holo2" => new(ServingSpaceKind.Grid, 1000),
        "mai-ui" => new(ServingSpaceKind.Grid, 999),
        "minigpt-v2" => new(ServingSpaceKind.Grid, 100),
        "qwen2.5-vl" or "ui-tars" or "generic-json" => new(ServingSpaceKind.Pixels),
        "llava" => new(ServingSpaceKind.Normalized, 1, padToSquare),
        _ => new(ServingSpaceKind.None),
    };
}
