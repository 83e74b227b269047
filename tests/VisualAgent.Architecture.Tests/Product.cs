using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using VisualAgent.Agent;
using VisualAgent.Bench.Runner;
using VisualAgent.Drivers.Web;
using VisualAgent.Hosting;
using VisualAgent.Simulator;
using VisualAgent.Vision.Ocr;

namespace VisualAgent.Tests.Architecture;

/// <summary>The product's assemblies, loaded once for every rule.</summary>
internal static class Product
{
    public static readonly System.Reflection.Assembly Abstractions = typeof(Geometry.ScreenPoint).Assembly;
    public static readonly System.Reflection.Assembly Models = typeof(Models.Profiles.ModelProfile).Assembly;
    public static readonly System.Reflection.Assembly Vision = typeof(TesseractOcr).Assembly;
    public static readonly System.Reflection.Assembly Simulator = typeof(SimulatedServer).Assembly;
    public static readonly System.Reflection.Assembly DriversWeb = typeof(PlaywrightDriver).Assembly;
    public static readonly System.Reflection.Assembly DriversDesktop = typeof(Drivers.Desktop.DesktopDriver).Assembly;
    public static readonly System.Reflection.Assembly Agent = typeof(AgentRunner).Assembly;
    public static readonly System.Reflection.Assembly Hosting = typeof(ModelStack).Assembly;
    public static readonly System.Reflection.Assembly Bench = typeof(BenchRunner).Assembly;
    public static readonly System.Reflection.Assembly Cli = System.Reflection.Assembly.Load("visual-agent");
    public static readonly System.Reflection.Assembly Mcp = typeof(Mcp.VisualAgentMcpServer).Assembly;
    public static readonly System.Reflection.Assembly Ui = typeof(Ui.Server.UiServer).Assembly;

    public static readonly ArchUnitNET.Domain.Architecture Architecture = new ArchLoader()
        .LoadAssemblies(Abstractions, Models, Vision, Simulator, DriversWeb, DriversDesktop, Agent, Hosting, Bench, Cli, Mcp, Ui)
        .Build();
}
