using Microsoft.SemanticKernel;

namespace VisualAgent.SemanticKernel;

/// <summary><c>kernel.Plugins.AddVisualAgent(options)</c>: gives any Semantic Kernel application the agent's eyes and hands.</summary>
public static class VisualAgentKernelExtensions
{
    public const string DefaultPluginName = "VisualAgent";

    /// <summary>Adds the plugin (screenshot, ground, click, type, scroll, read_text, run_task) and returns it.</summary>
    public static KernelPlugin AddVisualAgent(this ICollection<KernelPlugin> plugins, VisualAgentPluginOptions options, string pluginName = DefaultPluginName)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(options);
        var plugin = KernelPluginFactory.CreateFromObject(new VisualAgentPlugin(options), pluginName);
        plugins.Add(plugin);
        return plugin;
    }
}
