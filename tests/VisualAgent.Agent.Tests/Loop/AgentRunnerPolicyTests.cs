using VisualAgent.Actions;
using VisualAgent.Agent.Policy;
using VisualAgent.Drivers;
using VisualAgent.Runs;
using VisualAgent.Tests.Fakes;

namespace VisualAgent.Tests.Loop;

public sealed class AgentRunnerPolicyTests
{
    [Fact]
    public async Task RunAsync_OpenOutsideAllowedOrigins_BlockedWithoutNavigating()
    {
        using var h = new Harness();

        var result = await h.RunAsync("open http://127.0.0.1:5000/login/; open https://evil.example.com/", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Blocked, result.Record.Status);
        Assert.Equal(["http://127.0.0.1:5000/login/"], h.Driver.Navigations);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("evil.example.com", result.Record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RiskyClickUnattended_BlockedAndNeverClicked()
    {
        using var h = new Harness();
        h.Grounder.With("Delete account", 640, 700);

        var result = await h.RunAsync("click Delete account", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Blocked, result.Record.Status);
        Assert.Empty(h.Driver.Clicks);
        Assert.Contains("deny-risky", result.Record.Reason, StringComparison.Ordinal);
        var step = Assert.Single(new VisualAgent.Agent.Runs.RunReader(h.Store).Load("latest").Steps);
        Assert.Equal(StepOutcome.Blocked, step.Outcome);
    }

    [Fact]
    public async Task RunAsync_RiskyClickWithYes_Clicks()
    {
        using var h = new Harness();
        h.Prompt = new AlwaysYesPrompt();
        h.Grounder.With("Delete account", 640, 700);

        var result = await h.RunAsync("click Delete account", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, result.Record.Status);
        Assert.Single(h.Driver.Clicks);
    }

    [Fact]
    public async Task RunAsync_RiskyByElementNameOnly_NeedsConfirmation()
    {
        using var h = new Harness();
        h.Grounder.With("the red button", 10, 10);
        h.Driver.ElementAt = _ => new ElementFacts { Role = "button", Name = "Remove all items" };

        var result = await h.RunAsync("click the red button", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Blocked, result.Record.Status);
        Assert.Empty(h.Driver.Clicks);
    }

    [Fact]
    public async Task RunAsync_LiteralPasswordUnattended_BlockedBeforeTyping()
    {
        using var h = new Harness();
        h.Grounder.With("Password", 300, 160);
        h.Driver.ElementAt = _ => new ElementFacts { Tag = "input", InputType = "password" };

        var result = await h.RunAsync("type wonderland into the Password field", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Blocked, result.Record.Status);
        Assert.Equal("", h.Driver.Typed.ToString());
    }

    [Fact]
    public async Task RunAsync_ClickLeadsOutsideAllowedOrigins_Blocked()
    {
        using var h = new Harness();
        h.Grounder.With("Partner site", 10, 10);
        h.Driver.OutcomeOf = a => a is ClickAction ? new ActionOutcome { Location = "https://elsewhere.example.org/" } : null;

        var result = await h.RunAsync("open http://localhost:5000/; click Partner site; click Partner site", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Blocked, result.Record.Status);
        Assert.Single(h.Driver.Clicks);
    }

    [Fact]
    public async Task RunAsync_Upload_NeedsConfirmationThenUploadsTheFullPath()
    {
        using var h = new Harness();
        h.Prompt = new AlwaysYesPrompt();
        h.Grounder.With("Attachment", 50, 60);
        var file = Path.Combine(h.Root, "cv.pdf");
        await File.WriteAllTextAsync(file, "%PDF", TestContext.Current.CancellationToken);

        var result = await h.RunAsync($"upload {file} to the Attachment field", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Succeeded, result.Record.Status);
        var upload = Assert.Single(h.Driver.Uploads);
        Assert.Equal([file], upload.Files);
    }
}
