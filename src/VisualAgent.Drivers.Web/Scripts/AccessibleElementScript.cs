namespace VisualAgent.Drivers.Web.Scripts;

/// <summary>
/// The in-page scripts of the bench's page-folder grounding-set generator for pages nobody here wrote. The query lists every
/// visible, unoccluded element with an interactive ARIA role (native or not) that lies wholly inside the viewport,
/// with Chromium's computed role and accessible name (needs the blink feature ComputedAccessibilityInfo), the text a
/// person sees on it (text nodes that are drawn, in the viewport and not clipped or moved away: screen-reader-only text
/// does not count; icon-font glyphs are dropped) and the visible text of its label, and says how the name relates to
/// what is shown: own-text, label, icon (a name but nothing to read) or differs. Elements holding nested controls (a
/// tree item and its group) are boxed by their own text.
/// </summary>
public static class AccessibleElementScript
{
    /// <summary>True when the browser computes accessible names (launched with the blink feature).</summary>
    public const string Probe = "typeof document.body.computedName === 'string'";

    /// <summary>The blink feature that exposes computedRole and computedName to page scripts.</summary>
    public const string BrowserArgument = "--enable-blink-features=ComputedAccessibilityInfo";

    /// <summary>Resolves once the layout has stopped moving: the page height and the anchors' (<c>%SELECTOR%</c>)
    /// document positions unchanged for 400 ms (scripts of these pages insert blocks a moment after load), at most 5 s.</summary>
    public const string Stable = """
        new Promise(done => {
          const sig = () => document.documentElement.scrollHeight + ":" + [...document.querySelectorAll(%SELECTOR%)]
            .map(a => Math.round(a.getBoundingClientRect().top + window.scrollY)).join(",");
          let last = sig(), since = performance.now();
          const start = since;
          const tick = () => {
            const now = performance.now(), s = sig();
            if (s !== last) { last = s; since = now; }
            if (now - since >= 400 || now - start >= 5000) done(true); else setTimeout(tick, 50);
          };
          setTimeout(tick, 50);
        })
        """;

    /// <summary>How many anchors (<c>%SELECTOR%</c>) the page has.</summary>
    public const string CountAnchors = "document.querySelectorAll(%SELECTOR%).length";

    /// <summary>Scrolls anchor number %INDEX% to %OFFSET% CSS pixels below the top of the viewport, at once (a page's
    /// smooth scrolling would otherwise still be moving when the boxes are read).</summary>
    public const string ScrollToAnchor =
        "(() => { const a = document.querySelectorAll(%SELECTOR%)[%INDEX%]; if (!a) return false; "
        + "window.scrollTo({ left: 0, top: a.getBoundingClientRect().top + window.scrollY - %OFFSET%, behavior: 'instant' }); return true; })()";

    public const string Query = """
        (() => {
          const dpr = window.devicePixelRatio || 1, vw = window.innerWidth, vh = window.innerHeight;
          const norm = s => (s || "").replace(/\s+/g, " ").trim();
          // Icon-font glyphs (private use) and pictographs are drawn, not read: they are not part of a name a person says.
          const plain = s => norm((s || "").replace(/[\uE000-\uF8FF\u2190-\u21FF\u2300-\u23FF\u25A0-\u27BF\u2B00-\u2BFF]|\p{Extended_Pictographic}/gu, " "));
          const key = s => plain(s).toLowerCase();
          const roles = new Set(["button", "link", "checkbox", "radio", "switch", "tab", "option", "menuitem", "menuitemcheckbox",
            "menuitemradio", "treeitem", "slider", "spinbutton", "combobox", "textbox", "searchbox"]);
          const visible = el => {
            const s = getComputedStyle(el);
            return s.visibility !== "hidden" && s.display !== "none" && parseFloat(s.opacity || "1") > 0.05;
          };
          const inside = r => r.width >= 2 && r.height >= 2 && r.left >= 0 && r.top >= 0 && r.right <= vw && r.bottom <= vh;
          // The rects of a text node a person can see: non-empty, in the viewport, and not covered, clipped or moved away
          // (screen-reader-only text is positioned off screen or clipped to 1 px: the point at its centre is something else).
          const shown = t => {
            const p = t.parentElement;
            if (!p || !t.textContent.trim() || !visible(p)) return [];
            const range = document.createRange(); range.selectNodeContents(t);
            return [...range.getClientRects()].filter(q => {
              if (q.width < 2 || q.height < 2) return false;
              const x = q.left + q.width / 2, y = q.top + q.height / 2;
              if (x < 0 || y < 0 || x >= vw || y >= vh) return false;
              const hit = document.elementFromPoint(x, y);
              return !!hit && (hit === p || p.contains(hit) || (hit.contains(p) && getComputedStyle(p).pointerEvents === "none"));
            });
          };
          // Interactive roles are native (links, buttons, form controls, summary) or explicit: only those are asked for their
          // computed role, which is costly on a large page.
          const sel = "a[href],button,input:not([type=hidden]),select,textarea,summary,[role],[contenteditable]";
          const near = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.bottom > 0 && r.top < vh && r.right > 0 && r.left < vw; };
          const roleOf = new Map();
          const all = [...document.querySelectorAll(sel)].filter(el => {
            if (!near(el)) return false;
            const role = el.computedRole;
            roleOf.set(el, role);
            return roles.has(role);
          });
          const set = new Set(all);
          // Text rects of an element's own text, leaving out nested controls (a tree item's child group).
          const ownRange = el => {
            const rects = []; let text = "";
            const walk = n => {
              for (const c of n.childNodes) {
                if (c.nodeType === 3) {
                  const rs = shown(c);
                  if (!rs.length) continue;
                  rects.push(...rs);
                  text += " " + c.textContent;
                } else if (c.nodeType === 1 && !set.has(c) && !(c.matches && c.matches("input,select,textarea"))) {
                  if (getComputedStyle(c).display === "none") continue;
                  walk(c);
                }
              }
            };
            walk(el);
            return { text: norm(text), rects };
          };
          const union = rs => rs.reduce((a, r) => ({ left: Math.min(a.left, r.left), top: Math.min(a.top, r.top), right: Math.max(a.right, r.right), bottom: Math.max(a.bottom, r.bottom) }),
            { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity });
          const labelEls = el => {
            if (el.labels && el.labels.length) return [...el.labels];
            const by = el.getAttribute("aria-labelledby");
            return by ? by.split(/\s+/).map(id => document.getElementById(id)).filter(x => x && x !== el) : [];
          };
          const texts = new Map();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const p = n.parentElement, t = key(n.textContent);
            if (!t || !p) continue;
            const pr = p.getBoundingClientRect();
            if (pr.bottom < 0 || pr.top > vh || pr.right < 0 || pr.left > vw || !shown(n).length) continue;
            texts.set(t, (texts.get(t) || []).concat([p]));
          }
          const out = [];
          for (const el of all) {
            if (!visible(el) || el.closest("[hidden],[aria-hidden=true],[inert]")) continue;
            const role = roleOf.get(el);
            let r = el.getBoundingClientRect();
            const own = ownRange(el);
            const nested = el.querySelector(sel) !== null && all.some(o => o !== el && el.contains(o));
            if (nested && own.rects.length) { const u = union(own.rects); r = { left: u.left, top: u.top, right: u.right, bottom: u.bottom, width: u.right - u.left, height: u.bottom - u.top }; }
            if (!inside(r)) continue;
            const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
            const hit = document.elementFromPoint(cx, cy);
            const labels = labelEls(el).filter(l => visible(l));
            if (!hit || !(el === hit || el.contains(hit) || labels.some(l => l === hit || l.contains(hit)))) continue;
            const name = plain(el.computedName), ownText = plain(own.text);
            const labelText = plain(labels.map(l => ownRange(l).text).join(" "));
            let naming = "differs";
            if (name && ownText === name) naming = "own-text";
            else if (name && labelText === name) naming = "label";
            else if (name && !ownText && !labelText) naming = "icon";
            else if (!name) naming = "unnamed";
            let box = r;
            if (naming === "label" && ["checkbox", "radio", "switch"].includes(role)) {
              const u = union([r, ...labels.map(l => l.getBoundingClientRect())]);
              box = u;
            }
            out.push({ role, tag: el.tagName.toLowerCase(), name, ownText, labelText, naming,
              textElsewhere: name ? (texts.get(key(name)) || []).some(p => !el.contains(p) && !labels.some(l => l.contains(p))) : false,
              x1: box.left * dpr, y1: box.top * dpr, x2: box.right * dpr, y2: box.bottom * dpr });
          }
          return out;
        })()
        """;
}
