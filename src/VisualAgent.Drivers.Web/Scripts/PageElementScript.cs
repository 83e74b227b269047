namespace VisualAgent.Drivers.Web.Scripts;

/// <summary>
/// The in-page query the generator runs in the top document: every visible, unoccluded interactive element (links,
/// buttons, inputs, selects, textareas, checkboxes, radios) that lies wholly inside the viewport, with its box in
/// screenshot pixels (CSS box times devicePixelRatio), its own visible text, its field label and whether that text
/// also appears elsewhere on the screen. Iframes, shadow roots and canvases are not looked into.
/// </summary>
public static class PageElementScript
{
    public const string Settle =
        "document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))";

    public const string Query = """
        (() => {
          const dpr = window.devicePixelRatio || 1, vw = window.innerWidth, vh = window.innerHeight;
          const norm = s => (s || "").replace(/\s+/g, " ").trim();
          const key = s => norm(s).toLowerCase();
          const visible = el => {
            const s = getComputedStyle(el);
            return s.visibility !== "hidden" && s.display !== "none" && parseFloat(s.opacity || "1") > 0.05;
          };
          const inside = r => r.width >= 2 && r.height >= 2 && r.left >= 0 && r.top >= 0 && r.right <= vw && r.bottom <= vh;
          const onTop = (el, r, also) => {
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return !!hit && (el === hit || el.contains(hit) || (also && (also === hit || also.contains(hit))));
          };
          const labelOf = el => {
            if (el.labels && el.labels.length) return el.labels[0];
            const by = el.getAttribute("aria-labelledby");
            return by ? document.getElementById(by.split(/\s+/)[0]) : null;
          };
          const ownText = el => {
            const c = el.cloneNode(true);
            c.querySelectorAll("input,select,textarea").forEach(n => n.remove());
            return norm(c.innerText !== undefined && c.isConnected ? c.innerText : c.textContent);
          };
          // Visible text of leaf-ish elements, to tell whether a label text is unique on the screen.
          const texts = new Map();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const p = n.parentElement, t = key(n.textContent);
            if (!p || !t || !visible(p)) continue;
            const r = p.getBoundingClientRect();
            if (!inside(r)) continue;
            texts.set(t, (texts.get(t) || []).concat([p]));
          }
          const elsewhere = (text, self, label) =>
            (texts.get(key(text)) || []).some(p => !self.contains(p) && !(label && label.contains(p)));
          const sel = "a[href],button,input:not([type=hidden]),select,textarea,[role=button],[role=link],[role=checkbox],[role=radio]";
          const out = [];
          for (const el of document.querySelectorAll(sel)) {
            if (!visible(el) || el.closest("[hidden],[aria-hidden=true]")) continue;
            const tag = el.tagName.toLowerCase(), type = (el.getAttribute("type") || "").toLowerCase();
            const role = el.getAttribute("role") || "";
            let kind = tag === "a" || role === "link" ? "link"
              : tag === "select" ? "select"
              : tag === "textarea" ? "textarea"
              : tag === "input" && (type === "checkbox" || role === "checkbox") ? "checkbox"
              : tag === "input" && type === "radio" ? "radio"
              : tag === "input" && type === "range" ? "slider"
              : tag === "input" && type === "file" ? "file"
              : tag === "input" && ["button", "submit", "reset"].includes(type) ? "button"
              : tag === "input" ? "input" : "button";
            const r = el.getBoundingClientRect();
            const label = labelOf(el);
            let box = r;
            if ((kind === "checkbox" || kind === "radio") && label) {
              const l = label.getBoundingClientRect();
              box = { left: Math.min(r.left, l.left), top: Math.min(r.top, l.top), right: Math.max(r.right, l.right), bottom: Math.max(r.bottom, l.bottom) };
              box.width = box.right - box.left; box.height = box.bottom - box.top;
            }
            if (!inside(box) || !onTop(el, r, label)) continue;
            const text = kind === "button" && tag === "input" ? norm(el.value) : ["link", "button"].includes(kind) ? ownText(el) : "";
            const labelText = label ? ownText(label) : "";
            const shown = text || labelText;
            out.push({
              kind, tag, id: el.id || "",
              text, label: labelText,
              aria: norm(el.getAttribute("aria-label")), placeholder: norm(el.getAttribute("placeholder")),
              textElsewhere: shown ? elsewhere(shown, el, label) : false,
              x1: box.left * dpr, y1: box.top * dpr, x2: box.right * dpr, y2: box.bottom * dpr,
            });
          }
          return out;
        })()
        """;

    /// <summary>The canvas-drawn "Canvas OK" button of forms/ (forms.js paints it at 20,20 170x50 CSS px, 2 px stroke).</summary>
    public const string CanvasButton = """
        (() => {
          const c = document.getElementById("canvas-button");
          if (!c) return null;
          const r = c.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
          const sx = r.width / 460, sy = r.height / 90;
          const b = { x1: (r.left + 19 * sx) * dpr, y1: (r.top + 19 * sy) * dpr, x2: (r.left + 191 * sx) * dpr, y2: (r.top + 71 * sy) * dpr };
          return b.x1 >= 0 && b.y1 >= 0 && b.x2 <= window.innerWidth * dpr && b.y2 <= window.innerHeight * dpr ? b : null;
        })()
        """;

    /// <summary>Clicks the first element matching a CSS selector (answers whether there was one).</summary>
    public static string Click(string selector) =>
        $"(() => {{ const e = document.querySelector({System.Text.Json.JsonSerializer.Serialize(selector)}); if (e) e.click(); return !!e; }})()";

    /// <summary>Scrolls the first element matching a CSS selector to the middle of the viewport (answers whether there was one).</summary>
    public static string ScrollToCentre(string selector) =>
        $"(() => {{ const e = document.querySelector({System.Text.Json.JsonSerializer.Serialize(selector)}); if (e) e.scrollIntoView({{ block: 'center' }}); return !!e; }})()";
}
