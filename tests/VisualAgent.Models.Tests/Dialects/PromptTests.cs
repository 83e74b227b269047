using System.Text.Json;
using VisualAgent.Errors;
using VisualAgent.Models.Dialects;
using static VisualAgent.Tests.Dialects.DialectTestKit;

namespace VisualAgent.Tests.Dialects;

public sealed class PromptTests
{
    public static TheoryData<string, ModelTaskKind> SupportedTasks()
    {
        var data = new TheoryData<string, ModelTaskKind>();
        foreach (var dialect in DialectRegistry.All)
        {
            foreach (var kind in Enum.GetValues<ModelTaskKind>())
            {
                if (Supports(dialect, kind))
                {
                    data.Add(dialect.Id, kind);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SupportedTasks))]
    public void BuildPrompt_EverySupportedTask_RendersEveryPlaceholder(string id, ModelTaskKind kind)
    {
        var task = new ModelTask(kind, "the blue Submit button") { History = ["clicked Username", "typed bob"], ImageCount = kind == ModelTaskKind.Compare ? 2 : 1 };

        var prompt = Dialect(id).BuildPrompt(task, Context(id, 1920, 1080));

        Assert.DoesNotContain("{{", prompt.System + prompt.User, StringComparison.Ordinal);
        Assert.NotEmpty(prompt.User);
        if (kind is ModelTaskKind.Ground or ModelTaskKind.NextAction or ModelTaskKind.Answer)
        {
            Assert.Contains("the blue Submit button", prompt.User, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("qwen3-vl")]
    [InlineData("ui-tars")]
    [InlineData("qwen2-vl")]
    [InlineData("generic-json")]
    public void BuildPrompt_SystemPrompt_IsByteStableAcrossStepsAndSizes(string id)
    {
        var first = Dialect(id).BuildPrompt(new ModelTask(ModelTaskKind.NextAction, "log in"), Context(id, 1920, 1080));
        var later = Dialect(id).BuildPrompt(new ModelTask(ModelTaskKind.NextAction, "buy milk") { History = ["a", "b"] }, Context(id, 1280, 720));

        Assert.Equal(first.System, later.System);
        Assert.NotEqual(first.User, later.User);
    }

    [Fact]
    public void BuildPrompt_Qwen3VlSystem_CarriesTheCookbookComputerUseTool()
    {
        var system = Dialect("qwen3-vl").BuildPrompt(new ModelTask(ModelTaskKind.NextAction, "x"), Context("qwen3-vl", 1920, 1080)).System;

        var start = system.IndexOf("<tools>\n", StringComparison.Ordinal) + "<tools>\n".Length;
        var end = system.IndexOf("\n</tools>", StringComparison.Ordinal);
        using var tool = JsonDocument.Parse(system[start..end]);
        var function = tool.RootElement.GetProperty("function");
        Assert.Equal("computer_use", function.GetProperty("name").GetString());
        Assert.Contains("The screen's resolution is 1000x1000.", function.GetProperty("description").GetString(), StringComparison.Ordinal);
        var actions = function.GetProperty("parameters").GetProperty("properties").GetProperty("action").GetProperty("enum")
            .EnumerateArray().Select(a => a.GetString() ?? "").ToArray();
        Assert.Equal(["key", "type", "mouse_move", "left_click", "left_click_drag", "right_click", "middle_click", "double_click", "triple_click", "scroll", "hscroll", "wait", "terminate", "answer"], actions);
        Assert.Contains("<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call>", system, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildPrompt_Qwen25VlSystem_StatesTheResizedResolution()
    {
        var system = Dialect("qwen2.5-vl").BuildPrompt(new ModelTask(ModelTaskKind.NextAction, "x"), Context("qwen2.5-vl", 1920, 1080)).System;

        Assert.Contains("The screen's resolution is 1932x1092.", system, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildPrompt_MiniGptV2Ground_UsesLlama2TemplateAndReferTask()
    {
        var prompt = Dialect("minigpt-v2").BuildPrompt(new ModelTask(ModelTaskKind.Ground, "the red car"), Context("minigpt-v2", 640, 480));

        Assert.Equal("[INST] <Img><ImageHere></Img> [refer] give me the location of the red car [/INST]", prompt.User);
        Assert.Equal("", prompt.System);
    }

    [Theory]
    [InlineData("llava", ModelTaskKind.NextAction)]
    [InlineData("ui-tars", ModelTaskKind.Describe)]
    [InlineData("minigpt-v2", ModelTaskKind.Compare)]
    public void BuildPrompt_UnsupportedTask_ThrowsNotSupported(string id, ModelTaskKind kind)
    {
        Assert.Throws<AbilityNotSupportedException>(() => Dialect(id).BuildPrompt(new ModelTask(kind, "x"), Context(id, 640, 480)));
    }

    [Fact]
    public void RenderText_UnknownPlaceholder_ThrowsNamingIt()
    {
        var e = Assert.Throws<UsageException>(() => PromptLibrary.RenderText("Hi {{nme}}", new Dictionary<string, string> { ["name"] = "x" }, "t.txt"));

        Assert.Contains("{{nme}}", e.Message, StringComparison.Ordinal);
        Assert.Equal("Hi x", PromptLibrary.RenderText("Hi {{ name }}", new Dictionary<string, string> { ["name"] = "x" }));
    }

    [Fact]
    public void Locate_FromTestOutput_FindsThePromptsFolderBesideTheBinary()
    {
        var folder = PromptLibrary.Locate();

        Assert.True(File.Exists(Path.Combine(folder, "qwen3-vl", "system.txt")));
    }

    private static bool Supports(IModelDialect dialect, ModelTaskKind kind) => kind switch
    {
        ModelTaskKind.Ground => dialect.Abilities.HasFlag(DialectAbilities.Ground),
        ModelTaskKind.NextAction => dialect.Abilities.HasFlag(DialectAbilities.NextAction),
        ModelTaskKind.TextSpotting => dialect.Abilities.HasFlag(DialectAbilities.TextSpotting),
        ModelTaskKind.Describe => dialect.Abilities.HasFlag(DialectAbilities.Describe),
        ModelTaskKind.Answer => dialect.Abilities.HasFlag(DialectAbilities.Answer),
        ModelTaskKind.Compare => dialect.Abilities.HasFlag(DialectAbilities.MultiImage),
        _ => false,
    };
}
