using System.Net;
using VisualAgent.Simulator.Samples;

namespace VisualAgent.Tests;

public sealed class SamplesServerTests(BrowserFixture fixture)
{
    private static readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task Health_Requested_AnswersOk()
    {
        var reply = await _http.GetStringAsync(fixture.Samples.Url("__health"), TestContext.Current.CancellationToken);
        Assert.Equal("ok", reply);
        Assert.StartsWith("http://127.0.0.1:", fixture.Samples.BaseUrl, StringComparison.Ordinal);
        Assert.EndsWith("/", fixture.Samples.BaseUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_WithSlash_ServesIndexHtmlWithoutCaching()
    {
        using var reply = await _http.GetAsync(fixture.Samples.Url("forms/"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("text/html", reply.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", reply.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("sortable", await reply.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_WithoutSlash_RedirectsToSlash()
    {
        using var reply = await _http.GetAsync(fixture.Samples.Url("forms"), TestContext.Current.CancellationToken);
        Assert.True(reply.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect or HttpStatusCode.PermanentRedirect, reply.StatusCode.ToString());
        Assert.EndsWith("/forms/", reply.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("forms/forms.js", "text/javascript")]
    [InlineData("forms/forms.css", "text/css")]
    public async Task StaticFile_Requested_HasItsMimeType(string path, string mime)
    {
        using var reply = await _http.GetAsync(fixture.Samples.Url(path), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(mime, reply.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task MissingFile_Requested_Is404()
    {
        using var reply = await _http.GetAsync(fixture.Samples.Url("no/such/file.html"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
    }

    [Fact]
    public async Task StartAsync_MissingRoot_ThrowsUsage()
    {
        await Assert.ThrowsAsync<Errors.UsageException>(() => SamplesServer.StartAsync(Path.Combine(Path.GetTempPath(), "no-such-samples-" + Guid.NewGuid()), cancellationToken: TestContext.Current.CancellationToken));
    }
}
