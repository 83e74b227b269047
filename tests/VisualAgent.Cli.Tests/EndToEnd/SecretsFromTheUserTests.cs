using VisualAgent.Bench.Tasks;
using VisualAgent.Runs;
using VisualAgent.Tests.Support;

namespace VisualAgent.Tests.EndToEnd;

/// <summary>
/// Secrets are declared by the user and all checked before the first step: a missing one fails the run up front, and
/// text from a page (a task's instruction_js) never chooses an environment variable to type.
/// </summary>
public sealed class SecretsFromTheUserTests(E2eFixture fixture)
{
    [Fact]
    public async Task RunAsync_PageWrittenInstructionAsksForASecret_BlockedAndNeverTyped()
    {
        const string Name = "VA_TEST_PAGE_CHOSEN_SECRET";
        const string Value = "page-must-never-see-this-7731";
        Environment.SetEnvironmentVariable(Name, Value);
        using var runs = new TempFolder("page-secret");
        var task = new BenchTask
        {
            Id = "page-secret", Url = "{{samples}}/login/", SuccessJs = "document.querySelector('#username').value === ''",
            InstructionJs = $"'type {{{{secret:{Name}}}}} into the Username field'", MaxSteps = 3, TimeoutSeconds = 60,
        };

        var outcome = await BenchTaskRunner.RunAsync(task, fixture.Options("ocr", runs.Path), TestContext.Current.CancellationToken);

        Assert.Equal(RunStatus.Blocked, outcome.Status);
        Assert.Contains("not a secret of this run", outcome.Reason, StringComparison.Ordinal);
        Assert.True(outcome.Success, "the page's field holds something: the secret was typed");
        Assert.Empty(RunFolder.FilesContaining(outcome.RunFolder!, Value));
    }

    [Fact]
    public async Task Run_SecretOfALaterStepNotSet_Exit2BeforeAnyStepActs()
    {
        var folder = TempFolder.Fresh("secret-missing");

        var (code, stdout, stderr) = await CliProcess.RunAsync(folder, "run", "--url", "samples:login/",
            "type alice into the Username field; type {{secret:VA_TEST_UNSET_SECRET_1}} into the Password field");

        Assert.True(code == 2, $"exit {code}\n{stderr}\n{stdout}");
        Assert.Contains("VA_TEST_UNSET_SECRET_1 is not set", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "runs")), "a run folder was made: something ran before the check");
    }

    [Fact]
    public async Task Run_DeclaredWithSecretOptionButNotSet_Exit2NamingEveryMissingOne()
    {
        var folder = TempFolder.Fresh("secret-option");

        var (code, _, stderr) = await CliProcess.RunAsync(folder, "run", "--secret", "VA_TEST_UNSET_A", "--secret", "VA_TEST_UNSET_B", "--url", "samples:login/",
            "type alice into the Username field");

        Assert.True(code == 2, stderr);
        Assert.Contains("VA_TEST_UNSET_A, VA_TEST_UNSET_B are not set", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "runs")));
    }

    [Fact]
    public async Task Run_SkillParameterHoldingASecretReference_RefusedNeverTyped()
    {
        var folder = TempFolder.Fresh("secret-param");

        var (code, _, stderr) = await CliProcess.RunAsync(folder, "run", "--skill", "login", "-p", "BASE_URL=http://127.0.0.1:9", "-p", "USERNAME={{secret:HOME}}");

        Assert.True(code == 2, stderr);
        Assert.Contains("The value of USERNAME contains '{{'", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "runs")));
    }
}
