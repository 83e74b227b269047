using VisualAgent.Errors;
using VisualAgent.Geometry;

namespace VisualAgent.Models.Imaging;

/// <summary>How many image tokens one image costs a family, for the size it is sent at (for budgets and reports).</summary>
public static class ImageTokens
{
    /// <summary>Qwen2-VL / Qwen2.5-VL / UI-TARS: 14-pixel patches merged 2x2, so one token per 28x28 pixels.</summary>
    public const int Qwen25TokenSide = 28;

    /// <summary>Qwen3-VL: 16-pixel patches merged 2x2, so one token per 32x32 pixels.</summary>
    public const int Qwen3TokenSide = 32;

    /// <summary>Image tokens of one image of <paramref name="sent"/> size for the dialect <paramref name="dialectId"/>.</summary>
    public static long Count(string dialectId, PixelSize sent)
    {
        if (sent.IsEmpty)
        {
            throw new UsageException($"The image size {sent} is empty: both sides must be positive.");
        }

        return dialectId switch
        {
            // Holo2 and MAI-UI are Qwen3-VL fine-tunes: the same vision tower.
            "qwen3-vl" or "holo2" or "mai-ui" => Grid(sent, Qwen3TokenSide),
            "qwen2.5-vl" or "ui-tars" or "qwen2-vl" => Grid(sent, Qwen25TokenSide),
            // GPT-4o high detail: 85 base tokens plus 170 per 512-pixel tile of the (already fitted) image.
            "generic-json" => 85 + (170L * Tiles(sent.Width) * Tiles(sent.Height)),
            // LLaVA-1.5: a 336x336 CLIP ViT-L/14 grid, 24x24 patches.
            "llava" => 576,
            // MiniGPT-v2: 448x448 EVA ViT-g/14 gives 1024 patches, four adjacent ones concatenated into one token.
            "minigpt-v2" => 256,
            // BLIP-2 / InstructBLIP: the Q-Former's 32 query tokens.
            "blip2" => 32,
            _ => throw new UsageException($"Unknown dialect '{dialectId}'."),
        };
    }

    /// <summary>Tokens of a patch grid: ceil(width / side) * ceil(height / side).</summary>
    public static long Grid(PixelSize sent, int side) =>
        (long)Math.Ceiling(sent.Width / (double)side) * (long)Math.Ceiling(sent.Height / (double)side);

    private static long Tiles(int side) => (long)Math.Ceiling(side / 512.0);
}
