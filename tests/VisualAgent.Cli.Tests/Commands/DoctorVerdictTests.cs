using VisualAgent.Cli.Commands;

namespace VisualAgent.Tests.Commands;

public sealed class DoctorVerdictTests
{
    private static readonly DoctorCheck Browser = new("browser", DoctorCheck.Ok, "Chromium 140", true);

    [Fact]
    public void From_NoModelAnswers_ReadyOffline()
    {
        DoctorCheck[] checks = [Browser, new("model qwen3-vl-8b", DoctorCheck.Warning, "not reachable: start the server", false)];

        var verdict = DoctorVerdict.From(checks, onlyModel: null);

        Assert.True(verdict.Ready);
        Assert.StartsWith("ready offline", verdict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void From_TwoModelsAnswer_ReadyWithThoseModels()
    {
        DoctorCheck[] checks = [Browser, new("model a", DoctorCheck.Ok, "answers", false, "a"), new("model b", DoctorCheck.Ok, "answers", false, "b"), new("model ocr", DoctorCheck.Ok, "offline", false)];

        var verdict = DoctorVerdict.From(checks, null);

        Assert.Equal("ready with models a, b (and offline)", verdict.Text);
        Assert.Equal(["a", "b"], verdict.Models);
    }

    [Fact]
    public void From_PackagesMissing_NotReadyWithOneInstallCommand()
    {
        DoctorCheck[] checks = [new("package chromium", DoctorCheck.Missing, "apt-get install chromium", true), new("package tesseract-ocr-eng", DoctorCheck.Missing, "apt-get install tesseract-ocr-eng", true), Browser];

        var verdict = DoctorVerdict.From(checks, null);

        Assert.False(verdict.Ready);
        Assert.Equal("not ready: apt-get install -y --no-install-recommends chromium tesseract-ocr-eng (or scripts/setup.sh)", verdict.Text);
    }

    [Fact]
    public void From_OnlyModelWithoutKey_NotReadySaysTheDetail()
    {
        DoctorCheck[] checks = [new("model gpt-4o", DoctorCheck.Warning, "hosted at api.openai.com: needs an API key in OPENAI_API_KEY, which is not set", false)];

        var verdict = DoctorVerdict.From(checks, "gpt-4o");

        Assert.False(verdict.Ready);
        Assert.StartsWith("not ready: model gpt-4o: hosted at api.openai.com: needs an API key in OPENAI_API_KEY", verdict.Text, StringComparison.Ordinal);
    }
}
