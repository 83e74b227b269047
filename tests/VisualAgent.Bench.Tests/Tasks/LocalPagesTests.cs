using VisualAgent.Bench.Tasks;

namespace VisualAgent.Tests.Tasks;

public sealed class LocalPagesTests
{
    [Fact]
    public void Map_FileUrlWithQuery_KeepsTheQueryOnTheServedUrl()
    {
        var pages = new LocalPages("/data/devpages", "http://127.0.0.1:4000/");

        var served = pages.Map("file:///data/devpages/aria/carousel/carousel%201.html?paused=true#top");

        Assert.Equal("http://127.0.0.1:4000/aria/carousel/carousel%201.html?paused=true#top", served);
    }

    [Theory]
    [InlineData("file:///data/other/page.html")]
    [InlineData("file:///data/devpages-2/page.html")]
    [InlineData("https://example.com/page.html")]
    public void Map_UrlOutsideTheRoot_IsNotMapped(string url)
    {
        Assert.Null(new LocalPages("/data/devpages", "http://127.0.0.1:4000").Map(url));
    }

    [Fact]
    public void RootFor_PagesInSeveralFolders_IsTheirDeepestCommonFolder()
    {
        var root = LocalPages.RootFor(["file:///data/dev/aria/a/x.html?q=1", "file:///data/dev/aria/b/c/y.html", "https://example.com/", "{{samples}}/login/"]);

        Assert.Equal("/data/dev/aria", root);
        Assert.Null(LocalPages.RootFor(["https://example.com/"]));
    }
}
