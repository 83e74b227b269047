using System.Globalization;
using System.Text.Json;
using VisualAgent.Drivers.Web;
using VisualAgent.Geometry;

namespace VisualAgent.Tests;

/// <summary>Small helpers over a driver's page, in screenshot pixels.</summary>
internal static class TestPage
{
    /// <summary>The centre of the element a JS expression yields, in screenshot pixels (CSS * device scale factor).</summary>
    public static async Task<ScreenPoint> CentreAsync(PlaywrightDriver driver, string elementExpression)
    {
        var json = await driver.EvaluateAsync(
            $"(() => {{ const r = ({elementExpression}).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()");
        var xy = JsonSerializer.Deserialize<double[]>(json)!;
        return new ScreenPoint(xy[0] * driver.DeviceScaleFactor, xy[1] * driver.DeviceScaleFactor);
    }

    /// <summary>The centre of an element inside the iframe #frame, in screenshot pixels of the top page.</summary>
    public static Task<ScreenPoint> FrameCentreAsync(PlaywrightDriver driver, string frameId, string elementId) =>
        OffsetCentreAsync(driver, frameId, $"document.getElementById('{frameId}').contentDocument.getElementById('{elementId}')");

    /// <summary>Evaluates an expression and reads its JSON as T.</summary>
    public static async Task<T> EvalAsync<T>(PlaywrightDriver driver, string expression) =>
        JsonSerializer.Deserialize<T>(await driver.EvaluateAsync(expression))!;

    public static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<ScreenPoint> OffsetCentreAsync(PlaywrightDriver driver, string frameId, string inner)
    {
        var json = await driver.EvaluateAsync(
            $"(() => {{ const f = document.getElementById('{frameId}').getBoundingClientRect(); const el = ({inner}); const r = el.getBoundingClientRect(); "
            + "const fe = document.getElementById('" + frameId + "'); "
            + "return [f.left + fe.clientLeft + r.left + r.width / 2, f.top + fe.clientTop + r.top + r.height / 2]; })()");
        var xy = JsonSerializer.Deserialize<double[]>(json)!;
        return new ScreenPoint(xy[0] * driver.DeviceScaleFactor, xy[1] * driver.DeviceScaleFactor);
    }
}
