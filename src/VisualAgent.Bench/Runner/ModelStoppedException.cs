using VisualAgent.Errors;

namespace VisualAgent.Bench.Runner;

/// <summary>A model that cannot be reached (connection refused, wrong URL, refused key): the harness stops that model only.</summary>
public sealed class ModelStoppedException : VisualAgentException
{
    public ModelStoppedException(string message, Exception? inner = null)
        : base(message, ExitCodes.ModelUnavailable, inner)
    {
    }
}
