using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace VisualAgent.Ui.Server;

/// <summary>
/// Who may use the server. On a loopback address: requests whose Host is that loopback (no DNS rebinding). Elsewhere: the
/// random token of the printed URL, once in the query, then in an HttpOnly same-site cookie. Either way, API calls that
/// change something carry the X-Visual-Agent header, which a page of another origin cannot send without a preflight the
/// server never grants.
/// </summary>
internal sealed class AccessGuard(string? token)
{
    public const string CookieName = "va_ui_token";
    public const string HeaderName = "X-Visual-Agent";

    public string? Token { get; } = token;

    public static bool IsLoopback(string bind) =>
        string.Equals(bind, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(bind, out var ip) && IPAddress.IsLoopback(ip));

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (Token is null)
        {
            var host = context.Request.Host.Host;
            if (!IsLoopback(host.Trim('[', ']')))
            {
                await Refuse(context, StatusCodes.Status400BadRequest, $"This server answers only on 127.0.0.1 or localhost, not '{host}'.").ConfigureAwait(false);
                return;
            }
        }
        else if (!Matches(context.Request.Query["token"]) && !Matches(context.Request.Cookies[CookieName]))
        {
            await Refuse(context, StatusCodes.Status401Unauthorized, "This server needs the token of the URL `visual-agent ui` printed when it started (…/?token=…): open that URL.").ConfigureAwait(false);
            return;
        }
        else if (Matches(context.Request.Query["token"]))
        {
            context.Response.Cookies.Append(CookieName, Token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        }

        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !context.Request.Headers.ContainsKey(HeaderName))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, $"API calls that change something need the {HeaderName} header (the pages send it).").ConfigureAwait(false);
            return;
        }

        await next().ConfigureAwait(false);
    }

    private bool Matches(string? given) =>
        Token is not null && given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(Token));

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = message });
    }
}
