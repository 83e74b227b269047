namespace VisualAgent.Drivers.Web.Scripts;

/// <summary>
/// The in-page script of the bench's scene renderer: waits for fonts and two frames, then answers the box of every
/// <c>data-box</c> element in screenshot pixels (getBoundingClientRect times the device pixel ratio).
/// </summary>
public static class SceneScript
{
    public const string Boxes = """
        new Promise(done => document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => {
          const s = window.devicePixelRatio;
          done(Array.from(document.querySelectorAll('[data-box]')).map(e => {
            const r = e.getBoundingClientRect();
            return { id: e.getAttribute('data-box'), x1: r.left * s, y1: r.top * s, x2: r.right * s, y2: r.bottom * s };
          }));
        }))))
        """;
}
