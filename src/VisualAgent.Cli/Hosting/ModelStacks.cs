using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using VisualAgent.Hosting;
using VisualAgent.Models.Client;
using VisualAgent.Models.Profiles;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Cli.Hosting;

/// <summary>A verb's model profile opened through <see cref="ModelStack"/> with the configuration's OCR settings and the verb's loggers.</summary>
internal static class ModelStacks
{
    /// <summary>A real endpoint is probed first: the verb fails before the browser starts, with the model's exit code.</summary>
    public static Task<ModelStack> OpenAsync(VerbContext context, string profileName, CancellationToken ct)
    {
        var profile = ModelProfiles.FromConfiguration(context.Configuration).Get(profileName);
        var options = ModelStackOptions.FromConfiguration(context.Configuration) with
        {
            ClientOptions = new ModelClientOptions { Logger = context.Loggers.CreateLogger("VisualAgent.Models.Client"), CallLoggers = context.Loggers },
            ProbeTimeout = TimeSpan.FromSeconds(3),
            Loggers = context.Loggers,
        };
        return ModelStack.OpenAsync(profile, options, ct);
    }

    public static TesseractOcr CreateOcr(IConfiguration configuration) =>
        new(configuration.GetSection("Ocr").Get<OcrOptions>() ?? new OcrOptions());
}
