using VisualAgent.Errors;

namespace VisualAgent.Bench.Contestants;

/// <summary>A model that cannot be reached (connection refused, wrong URL, refused key): the harness stops that model only.</summary>
internal sealed class ModelStoppedException : VisualAgentException
{
    public ModelStoppedException(string message, Exception? inner = null)
        : base(message, ExitCodes.ModelUnavailable, inner)
    {
    }
}
