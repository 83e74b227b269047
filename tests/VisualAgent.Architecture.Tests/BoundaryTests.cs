using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.xUnitV3;
using VisualAgent.Agent;
using VisualAgent.Agent.Planning;
using VisualAgent.Models.Client;
using VisualAgent.Simulator;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace VisualAgent.Tests.Architecture;

/// <summary>The boundaries between projects that the layout promises, checked on the built assemblies.</summary>
public sealed class BoundaryTests
{
    [Fact]
    public void Agent_UsesNoTypeOfVisionDriversWebOrSimulator()
    {
        var forbidden = Types().That().ResideInAssembly(Product.Vision, Product.DriversWeb, Product.DriversDesktop, Product.Simulator);

        IArchRule rule = Types().That().ResideInAssembly(Product.Agent).Should().NotDependOnAny(forbidden)
            .Because("the loop runs on fakes with no native code: pixels, browsers and the simulator come in through Abstractions' seams");

        rule.Check(Product.Architecture);
    }

    [Fact]
    public void Agent_ReferencesNoVisionDriversWebOrSimulatorAssembly()
    {
        var forbidden = new[] { Product.Vision, Product.DriversWeb, Product.DriversDesktop, Product.Simulator }.Select(a => a.GetName().Name).ToHashSet(StringComparer.Ordinal);

        var referenced = Product.Agent.GetReferencedAssemblies().Select(a => a.Name).Where(forbidden.Contains).ToList();

        Assert.Empty(referenced);
    }

    [Fact]
    public void DriversDesktop_DependsOnNeitherTheWebDriverVisionNorTheAgent()
    {
        var forbidden = Types().That().ResideInAssembly(Product.DriversWeb, Product.Vision, Product.Agent, Product.Simulator);

        IArchRule rule = Types().That().ResideInAssembly(Product.DriversDesktop).Should().NotDependOnAny(forbidden)
            .Because("the desktop driver is a second implementation of Abstractions' capability interfaces, beside the web one");

        rule.Check(Product.Architecture);
    }

    [Fact]
    public void AgentAndModels_ReferenceNoInProcessBackend()
    {
        // llama.cpp is native code: only Hosting (and what is built on it) may load a model in-process.
        var backend = typeof(VisualAgent.Models.LlamaSharp.LlamaChatClient).Assembly.GetName().Name;

        Assert.DoesNotContain(Product.Agent.GetReferencedAssemblies(), a => a.Name == backend);
        Assert.DoesNotContain(Product.Models.GetReferencedAssemblies(), a => a.Name == backend);
    }

    [Fact]
    public void CliBenchMcpAndUi_NeverComposeAnAgentOrAModel_OnlyHostingDoes()
    {
        var composition = MethodMembers().That().AreConstructors()
            .And().AreDeclaredIn(typeof(AgentRunner), typeof(ModelPlanner), typeof(ModelGrounder), typeof(WordsPlanner))
            .Or().AreDeclaredIn(typeof(ModelClientFactory))
            .Or().AreDeclaredIn(typeof(VisualAgent.Models.LlamaSharp.LlamaChatClient), typeof(VisualAgent.Models.LlamaSharp.LlamaModels))
            .Or().HaveNameStartingWith(nameof(SimulatedServer.StartForProfileAsync));

        IArchRule rule = Types().That().ResideInAssembly(Product.Cli, Product.Bench, Product.Mcp, Product.Ui).Should().NotCallAny(composition)
            .Because("Hosting is the one place a profile becomes a planner, grounder or client and an AgentRunner is built (ModelStack, AgentFactory)");

        rule.Check(Product.Architecture);
    }

    [Fact]
    public void Cli_UsesBenchOnlyInTheBenchVerbs()
    {
        var bench = Types().That().ResideInAssembly(Product.Bench);

        IArchRule rule = Types().That().ResideInAssembly(Product.Cli).And().DependOnAny(bench)
            .Should().HaveFullNameMatching(@"^VisualAgent\.Cli\.Commands\.(Bench\w*Command|DialectReplyPointParser)([/+].*)?$")
            .Because("the CLI's other verbs are composed by Hosting; only `bench ...` drives the benchmark");

        rule.Check(Product.Architecture);
    }

    [Fact]
    public void Ui_UsesNeitherADriverNorTheSimulatorDirectly()
    {
        var forbidden = Types().That().ResideInAssembly(Product.DriversDesktop, Product.Simulator)
            .Or().Are(typeof(VisualAgent.Drivers.Web.PlaywrightDriver), typeof(VisualAgent.Drivers.Web.PlaywrightBrowser));

        IArchRule rule = Types().That().ResideInAssembly(Product.Ui).Should().NotDependOnAny(forbidden)
            .Because("the web UI reuses the product through Hosting, Bench and Codegen: models, browsers and simulated servers are composed there");

        rule.Check(Product.Architecture);
    }

    [Fact]
    public void BenchFolders_HaveNoDependencyLoops()
    {
        IArchRule rule = Slices().Matching("VisualAgent.Bench.(*)").Should().BeFreeOfCycles();

        rule.Check(Product.Architecture);
    }
}
