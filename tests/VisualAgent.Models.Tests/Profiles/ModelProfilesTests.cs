using Microsoft.Extensions.Configuration;
using VisualAgent.Errors;
using VisualAgent.Models.Profiles;

namespace VisualAgent.Tests.Profiles;

public sealed class ModelProfilesTests
{
    private static ModelProfiles Load(Dictionary<string, string?> values) =>
        ModelProfiles.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void FromConfiguration_ShippedProfiles_AllValidateWithDocumentedSettings()
    {
        var profiles = ShippedProfiles.Load();

        Assert.Equal(19, profiles.Names.Count);
        foreach (var name in profiles.Names)
        {
            profiles.Get(name); // throws when invalid
        }

        var qwen = profiles.Get("qwen3-vl-8b");
        Assert.Equal("Qwen/Qwen3-VL-8B-Instruct", qwen.Model);
        Assert.Equal((0.7, 0.8, 20, 1.5), (qwen.Sampling.Temperature, qwen.Sampling.TopP, qwen.Sampling.TopK, qwen.Sampling.PresencePenalty));
        Assert.Equal(0, qwen.Sampling.GroundingTemperature);
        var tars = profiles.Get("ui-tars-1.5-7b");
        Assert.Equal((0.0, 400), (tars.Sampling.Temperature, tars.Sampling.MaxTokens));
        Assert.Equal("OPENAI_API_KEY", profiles.Get("gpt-4o").ApiKeyEnv);
        Assert.True(profiles.Get("ocr").IsOcr);
        var holo = profiles.Get("holo2-4b");
        Assert.Equal(("Hcompany/Holo2-4B", "holo2", 0.0), (holo.Model, holo.Dialect, holo.Sampling.Temperature));
        Assert.Equal("{\"enable_thinking\": false}", holo.Sampling.Extra["chat_template_kwargs"]);
        var mai = profiles.Get("mai-ui-8b");
        Assert.Equal(("Tongyi-MAI/MAI-UI-8B", "mai-ui", 0.0, 1.0), (mai.Model, mai.Dialect, mai.Sampling.Temperature, mai.Sampling.TopP));
        Assert.Equal(new Uri("http://127.0.0.1:11434/v1"), Assert.Single(profiles.Get("qwen3-vl-8b-ollama").GetEndpoints()));
    }

    [Fact]
    public void FromConfiguration_FullProfile_BindsEveryField()
    {
        var p = Load(new()
        {
            ["Models:mine:Endpoints:0"] = "http://10.0.0.1:8000/v1",
            ["Models:mine:Endpoints:1"] = "http://10.0.0.2:8000/v1",
            ["Models:mine:Model"] = "m",
            ["Models:mine:Dialect"] = "qwen3-vl",
            ["Models:mine:MinPixels"] = "1000",
            ["Models:mine:MaxPixels"] = "2000000",
            ["Models:mine:Divisor"] = "999",
            ["Models:mine:Sampling:RepetitionPenalty"] = "1.05",
            ["Models:mine:Sampling:Stop:0"] = "<|im_end|>",
            ["Models:mine:Sampling:Extra:min_p"] = "0.05",
            ["Models:mine:Price:PerGpuHour"] = "1.2",
        }).Get("MINE");

        Assert.Equal("mine", p.Name);
        Assert.Equal(2, p.GetEndpoints().Count);
        Assert.Equal((1000L, 2000000L, 999.0), (p.MinPixels!.Value, p.MaxPixels!.Value, p.Divisor));
        Assert.Equal(1.05, p.Sampling.RepetitionPenalty);
        Assert.Equal(["<|im_end|>"], p.Sampling.Stop);
        Assert.Equal("0.05", p.Sampling.Extra["min_p"]);
        Assert.Equal(1.2, p.Price!.PerGpuHour);
        Assert.Equal(new VisualAgent.Models.Dialects.ImageBudget(32, 1000, 2000000), p.ResolveBudget(new(32, 65536, 16777216)));
    }

    [Fact]
    public void Get_UnknownName_ListsKnownProfilesAndSimulatedNames()
    {
        var profiles = Load(new() { ["Models:a:Kind"] = "ocr", ["Models:b:Kind"] = "ocr" });

        var ex = Assert.Throws<UsageException>(() => profiles.Get("qwen9"));

        Assert.Contains("'qwen9'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a, b", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sim-<dialect>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_SimDialectNotConfigured_ResolvesToSimulatedProfile()
    {
        var p = Load([]).Get("sim-qwen3-vl");

        Assert.True(p.IsSimulated);
        Assert.Equal("qwen3-vl", p.Dialect);
        Assert.Empty(p.GetEndpoints());
        Assert.Equal("http://127.0.0.1:5/v1", p.WithEndpoint("http://127.0.0.1:5/v1").Endpoint);
        Assert.Null(p.Endpoint);
    }

    [Theory]
    [InlineData("Endpoint", null, "Endpoint (or Endpoints) is missing")]
    [InlineData("Endpoint", "ftp://x/v1", "is not an http(s) URL")]
    [InlineData("Dialect", "qwen9", "Dialect 'qwen9' is unknown")]
    [InlineData("ApiKeyEnv", "sk-abcdef", "never the key itself")]
    [InlineData("MinPixels", "99999999", "MinPixels (99999999) is larger than MaxPixels")]
    [InlineData("MaxConcurrency", "0", "MaxConcurrency (0) must be")]
    [InlineData("Kind", "local", "Kind 'local' is not one of")]
    public void Get_InvalidSetting_MessageNamesProfileAndProblem(string key, string? value, string expected)
    {
        var values = new Dictionary<string, string?>
        {
            ["Models:bad:Endpoint"] = "http://127.0.0.1:8000/v1",
            ["Models:bad:Model"] = "m",
            ["Models:bad:Dialect"] = "qwen3-vl",
            ["Models:bad:MaxPixels"] = "1000000",
        };
        values[$"Models:bad:{key}"] = value;

        var ex = Assert.Throws<UsageException>(() => Load(values).Get("bad"));

        Assert.Contains("Model profile 'bad'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
