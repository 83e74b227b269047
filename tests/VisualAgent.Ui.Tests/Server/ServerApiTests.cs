using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VisualAgent.Tests.Support;
using VisualAgent.Ui.Server;

namespace VisualAgent.Tests.Server;

/// <summary>The API's answers to bad input and to callers it must not serve.</summary>
public sealed class ServerApiTests(UiFixture ui)
{
    private HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = ui.Server.BaseUri };
        client.DefaultRequestHeaders.Add(AccessGuard.HeaderName, "1");
        return client;
    }

    [Fact]
    public async Task Ground_UnknownProfile_Answers400NamingTheKnownProfiles()
    {
        using var client = Client();

        using var response = await client.PostAsJsonAsync("/api/ground", new { profile = "no-such-model", imageId = "000000000000", instruction = "the button" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Contains("There is no model profile 'no-such-model'", error, StringComparison.Ordinal);
        Assert.Contains("flaky", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ground_ImageTheServerDoesNotHold_SaysToUploadItAgain()
    {
        using var client = Client();

        using var response = await client.PostAsJsonAsync("/api/ground", new { profile = "offline", imageId = "0123456789ab", instruction = "the button" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("upload it again", await ErrorAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutTheUiHeader_IsRefused()
    {
        using var client = new HttpClient { BaseAddress = ui.Server.BaseUri };

        using var response = await client.PostAsJsonAsync("/api/ocr", new { imageId = "x" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(AccessGuard.HeaderName, await ErrorAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MalformedJson_Answers400WithAMessageNotAStackTrace()
    {
        using var client = Client();
        using var body = new StringContent("{\"profile\": ", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/ground", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithAForeignHostHeader_IsRefused()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "attacker.example";

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AccessGuard_WithAToken_RefusesWithoutItAndRemembersItInACookie()
    {
        var guard = new AccessGuard("abc123");
        var reached = 0;
        Task Next()
        {
            reached++;
            return Task.CompletedTask;
        }

        var without = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        without.Request.Path = "/";
        await guard.InvokeAsync(without, Next);
        Assert.Equal(StatusCodes.Status401Unauthorized, without.Response.StatusCode);
        Assert.Equal(0, reached);

        var with = new DefaultHttpContext();
        with.Request.Path = "/";
        with.Request.QueryString = new QueryString("?token=abc123");
        await guard.InvokeAsync(with, Next);
        Assert.Equal(1, reached);
        Assert.Contains(AccessGuard.CookieName + "=abc123", with.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);

        var wrong = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        wrong.Request.Path = "/";
        wrong.Request.Headers.Cookie = AccessGuard.CookieName + "=abc124";
        await guard.InvokeAsync(wrong, Next);
        Assert.Equal(StatusCodes.Status401Unauthorized, wrong.Response.StatusCode);
        Assert.Equal(1, reached);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return doc.RootElement.GetProperty("error").GetString() ?? "";
    }
}
