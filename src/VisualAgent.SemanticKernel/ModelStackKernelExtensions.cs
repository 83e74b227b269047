using VisualAgent.Hosting;

namespace VisualAgent.SemanticKernel;

/// <summary>A model profile's stack turned into the Semantic Kernel planner (the sk: prefix of `run --planner`).</summary>
public static class ModelStackKernelExtensions
{
    /// <summary>The prefix of a planner name that plans through a Semantic Kernel: <c>sk:PROFILE</c>.</summary>
    public const string Prefix = "sk:";

    /// <summary>A Kernel with automatic function calling over the stack's chat client; the stack owns the client.</summary>
    public static KernelStepPlanner CreateKernelPlanner(this ModelStack stack, bool sendScreenshot = true)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var client = stack.Client ?? throw new Errors.UsageException(
            $"'{stack.Profile.Name}' has no chat model (kind {stack.Profile.Kind}): a Semantic Kernel planner needs a chat model profile, e.g. --planner sk:gpt-4o.");
        return new KernelStepPlanner(client, Prefix + stack.Profile.Name, sendScreenshot);
    }
}
