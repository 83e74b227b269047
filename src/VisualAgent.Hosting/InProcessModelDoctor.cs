using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VisualAgent.Errors;
using VisualAgent.Models.LlamaSharp;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Hosting;

/// <summary>
/// `doctor`'s check of an in-process profile: the backend, whether the model and mmproj files are there and are GGUF, and
/// whether they load (a real load: for a multi-gigabyte model this takes seconds and the memory of the model).
/// </summary>
public static class InProcessModelDoctor
{
    /// <summary>(true, what was found) when the files load; (false, what is wrong and what to do) otherwise.</summary>
    public static async Task<(bool Ok, string Text)> CheckAsync(ModelProfile profile, LlamaSharpOptions? native = null, ILoggerFactory? loggers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var prefix = $"Models:{profile.Name}:InProcess";
        try
        {
            profile.Validate();
            var o = profile.InProcess;
            var model = GgufHeader.Read(Path.GetFullPath(o.ModelPath!), $"{prefix}:ModelPath");
            var found = $"model {Path.GetFileName(o.ModelPath)} found (GGUF v{model.Version}, {model.TensorCount} tensors, {Megabytes(model.FileBytes)})";
            if (o.MmprojPath is { Length: > 0 } mm)
            {
                var projector = GgufHeader.Read(Path.GetFullPath(mm), $"{prefix}:MmprojPath");
                found += $", mmproj {Path.GetFileName(mm)} found ({Megabytes(projector.FileBytes)})";
            }
            else
            {
                found += ", no mmproj (text only: images are refused)";
            }

            var logger = loggers?.CreateLogger("VisualAgent.Models.LlamaSharp") ?? NullLogger.Instance;
            LlamaNative.Configure(logger, native);
            using var lease = await LlamaModels.AcquireAsync(profile.Name, o, logger, cancellationToken).ConfigureAwait(false);
            var loaded = lease.Model;
            return (true, $"in-process, llama.cpp {LlamaNative.Backend}: {found}; loads in {loaded.LoadTime.TotalMilliseconds:F0} ms " +
                $"(chat template {loaded.TemplateSource}, images {(loaded.SupportsImages ? "yes" : "no")}, context {loaded.ContextSize})");
        }
        catch (VisualAgentException ex)
        {
            return (false, ex.Message);
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MB";
}
