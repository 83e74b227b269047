using VisualAgent.Bench.Tasks;
using VisualAgent.Errors;
using VisualAgent.Geometry;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.Tasks;

public sealed class TaskSuiteLoaderTests
{
    [Fact]
    public void Load_SamplesSuite_Reads38TasksWithoutProblems()
    {
        var suite = TaskSuiteLoader.Load(RepoPaths.TasksSuite);

        Assert.Equal("tasks-samples", suite.Name);
        Assert.Equal(38, suite.Tasks.Count);
        Assert.Empty(suite.Problems);
        Assert.True(suite.UsesSamples);
        var submit = suite["forms-submit"];
        Assert.Equal(new PixelSize(1280, 720), submit.Viewport);
        Assert.Equal(14, submit.MaxSteps);
        Assert.Equal(150, submit.TimeoutSeconds);
        Assert.Equal("http://127.0.0.1:5/forms/", submit.ResolveUrl("http://127.0.0.1:5/"));
    }

    [Fact]
    public void Parse_RelativeUrl_IsAFileNextToTheSuite()
    {
        using var dir = new TempFolder("suite");
        var path = Path.Combine(dir.Path, "suite.json");

        var suite = TaskSuiteLoader.Parse("""{"name": "x", "tasks": [{"id": "a", "url": "pages/a.html", "instruction": "click OK", "success_js": "true"}]}""", path);

        Assert.Equal(new Uri(Path.Combine(dir.Path, "pages", "a.html")).AbsoluteUri, suite.Tasks[0].Url);
        Assert.False(suite.Tasks[0].UsesSamples);
    }

    [Fact]
    public void Parse_RelativeUrlWithQueryString_KeepsTheQueryOutOfTheFileName()
    {
        using var dir = new TempFolder("suite");
        var path = Path.Combine(dir.Path, "suite.json");

        var suite = TaskSuiteLoader.Parse("""{"name": "x", "tasks": [{"id": "a", "url": "aria/carousel.html?paused=true", "instruction": "click OK", "success_js": "true"}]}""", path);

        var url = new Uri(suite.Tasks[0].Url);
        Assert.Equal(Path.Combine(dir.Path, "aria", "carousel.html"), url.LocalPath);
        Assert.Equal("?paused=true", url.Query);
        Assert.True(suite.Tasks[0].IsLocalFile);
    }

    [Fact]
    public void Parse_AllowRisky_DefaultsToFalseAndMustBeABoolean()
    {
        var suite = TaskSuiteLoader.Parse("""
            {"name": "x", "tasks": [
              {"id": "plain", "url": "http://a/", "instruction": "click OK", "success_js": "true"},
              {"id": "risky", "url": "http://a/", "instruction": "click OK", "success_js": "true", "allow_risky": true},
              {"id": "bad", "url": "http://a/", "instruction": "click OK", "success_js": "true", "allow_risky": "yes"}
            ]}
            """);

        Assert.False(suite["plain"].AllowRisky);
        Assert.True(suite["risky"].AllowRisky);
        Assert.Contains("allow_risky", Assert.Single(suite.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedTasks_AreSkippedAndReportedWithTheirIndex()
    {
        var suite = TaskSuiteLoader.Parse("""
            {"name": "x", "tasks": [
              {"id": "ok", "url": "http://a/", "instruction": "click OK", "success_js": "true"},
              {"id": "no-success", "url": "http://a/", "instruction": "click OK"},
              {"id": "both", "url": "http://a/", "instruction": "a", "instruction_js": "'b'", "success_js": "true"},
              {"id": "steps", "url": "http://a/", "instruction": "a", "success_js": "true", "max_steps": 2.5},
              {"id": "vp", "url": "http://a/", "instruction": "a", "success_js": "true", "viewport": [0, 10]},
              42
            ]}
            """);

        Assert.Equal(["ok"], suite.Tasks.Select(t => t.Id));
        Assert.Equal([1, 2, 3, 4, 5], suite.Problems.Select(p => p.Index));
        Assert.Contains("success_js", suite.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("exactly one of", suite.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("max_steps", suite.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("viewport", suite.Problems[3].Message, StringComparison.Ordinal);
        Assert.StartsWith("task #1 ('no-success')", suite.Problems[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateIds_AreRejectedNamingTheIdAndIndices()
    {
        var e = Assert.Throws<UsageException>(() => TaskSuiteLoader.Parse("""
            {"tasks": [
              {"id": "a", "url": "http://a/", "instruction": "x", "success_js": "true"},
              {"id": "b", "url": "http://a/", "instruction": "x", "success_js": "true"},
              {"id": "a", "url": "http://a/", "instruction": "x", "success_js": "true"}
            ]}
            """));

        Assert.Contains("'a' at tasks #0, #2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{\"name\": \"x\"}")]
    [InlineData("{\"tasks\": [ }")]
    public void Parse_NotASuite_ThrowsUsageException(string json) =>
        Assert.Throws<UsageException>(() => TaskSuiteLoader.Parse(json));
}
