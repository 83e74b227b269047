using VisualAgent.Bench.Suites;
using VisualAgent.Bench.Tasks;

namespace VisualAgent.Tests.Suites;

public sealed class TaskSuiteAdapterTests
{
    [Theory]
    [InlineData("file:///data/devpages/aria/patterns/checkbox/examples/checkbox.html", "checkbox")]
    [InlineData("file:///data/devpages/aria/patterns/carousel/examples/carousel-1-prev-next.html?paused=true", "carousel-1-prev-next")]
    [InlineData("file:///data/site/shop/index.html", "shop")]
    [InlineData("https://example.com/app/orders/", "orders")]
    [InlineData("https://example.com/", "example.com")]
    [InlineData("{{samples}}/orders-v2/?page=2", "orders-v2")]
    [InlineData("{{samples}}/", "home")]
    public void AppOf_TaskPage_IsNamedAfterItsFileOrPath(string url, string app)
    {
        var task = new BenchTask { Id = "t", Url = url, Instruction = "click OK", SuccessJs = "true" };

        Assert.Equal(app, TaskSuiteAdapter.AppOf(task));
    }
}
