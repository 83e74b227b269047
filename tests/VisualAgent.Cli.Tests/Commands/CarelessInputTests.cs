using System.Diagnostics;
using VisualAgent.Tests.Support;
using VisualAgent.Vision;

namespace VisualAgent.Tests.Commands;

/// <summary>What a careless user gives the CLI: devices and pipes as images, the input as --out, mistyped settings.</summary>
public sealed class CarelessInputTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Ground_DevZeroAsTheImage_RefusedAtOnceNotReadForever()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "needs /dev/zero");
        var watch = Stopwatch.StartNew();

        var (code, _, stderr) = await RunAsync(TempFolder.Fresh(), null, "ground", "--model", "ocr", "--image", "/dev/zero", "the OK button");

        Assert.True(code == 2, stderr);
        Assert.Contains("'/dev/zero' is not a regular file", stderr, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < Quick, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Ocr_NamedPipeAsTheImage_RefusedWithoutOpeningIt()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "mkfifo is Linux's");
        var folder = TempFolder.Fresh();
        var pipe = Path.Combine(folder, "shot.png");
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var (code, _, stderr) = await RunAsync(folder, null, "ocr", "--image", pipe);

        Assert.True(code == 2, stderr);
        Assert.Contains("named pipe", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ground_OutIsTheInputImage_RefusedAndTheInputKept()
    {
        var folder = TempFolder.Fresh();
        var image = Path.Combine(folder, "shot.png");
        using (var blank = Image.FromBgra(new byte[64 * 48 * 4], 64, 48))
        {
            await File.WriteAllBytesAsync(image, blank.EncodePng(), TestContext.Current.CancellationToken);
        }

        var before = await File.ReadAllBytesAsync(image, TestContext.Current.CancellationToken);

        var (code, _, stderr) = await RunAsync(folder, null, "ground", "--model", "ocr", "--image", "shot.png", "--out", "./shot.png", "the OK button");

        Assert.True(code == 2, stderr);
        Assert.Contains("is the input image", stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(image, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("""{"Agent": {"MaxSteps": "many"}}""", null, "Agent:MaxSteps")]
    [InlineData("""{"Ocr": {"PageSegMode": 99}}""", null, "Ocr:PageSegMode")]
    [InlineData("{}", "VISUALAGENT__Browser__Headless=maybe", "Browser:Headless")]
    public async Task Run_MistypedSetting_ExitsWithUsageCodeNamingTheSetting(string config, string? environment, string setting)
    {
        var folder = TempFolder.Fresh();
        await File.WriteAllTextAsync(Path.Combine(folder, "settings.json"), config, TestContext.Current.CancellationToken);

        var (code, _, stderr) = await RunAsync(folder, environment, "--config", "settings.json", "run", "--url", "samples:login/", "click \"Log in\"");

        Assert.True(code == 2, $"exit {code}: {stderr}");
        Assert.Contains(setting, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", stderr, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string folder, string? environment, params string[] args)
    {
        var env = new Dictionary<string, string> { ["CI"] = "true" };
        if (environment?.Split('=', 2) is [var key, var value])
        {
            env[key] = value;
        }

        return CliProcess.RunAsync(folder, env, Quick, args);
    }
}
