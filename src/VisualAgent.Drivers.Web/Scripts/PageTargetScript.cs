namespace VisualAgent.Drivers.Web.Scripts;

/// <summary>
/// The in-page JavaScript that finds a described element the way a person reads a page: by its label, accessible name
/// or text, preferring the kind of element the description names, across same-origin iframes and open shadow roots.
/// It answers the element's visible box in screenshot pixels (CSS pixels of the top viewport times devicePixelRatio), whether its centre is on screen, and where
/// and how far to scroll the wheel when it is not.
/// </summary>
public static class PageTargetScript
{
    /// <summary>The script; <c>__ARGS__</c> is replaced by {texts, kind, ordinal, context} as JSON.</summary>
    public const string Source = """
        (() => {
          const q = __ARGS__;
          const norm = s => (s || '').replace(/\s+/g, ' ').trim().toLowerCase();
          const wants = q.texts.map(norm).filter(t => t.length > 0);
          const ctx = q.context ? norm(q.context) : null;
          const FIELD_ROLES = ['textbox', 'slider', 'combobox', 'spinbutton', 'searchbox'];
          const BUTTON_ROLES = ['button', 'link', 'tab', 'menuitem', 'option', 'switch', 'checkbox', 'radio'];
          const isBox = el => el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio') || ['checkbox', 'radio', 'switch'].includes(el.getAttribute('role'));
          const isControl = el => (['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) && el.type !== 'hidden')
            || el.getAttribute('contenteditable') === 'true' || FIELD_ROLES.includes(el.getAttribute('role')) || isBox(el);
          const isButton = el => el.tagName === 'BUTTON' || el.getAttribute('role') === 'button'
            || el.tagName === 'INPUT' && ['button', 'submit', 'reset', 'image'].includes(el.type);
          const isClickable = (el, win) => isButton(el) || ['A', 'SUMMARY', 'LABEL', 'OPTION'].includes(el.tagName) || isControl(el)
            || BUTTON_ROLES.includes(el.getAttribute('role')) || el.hasAttribute('onclick') || el.tabIndex >= 0
            || win.getComputedStyle(el).cursor === 'pointer';
          const shown = (el, win) => { const r = el.getBoundingClientRect(); if (r.width <= 0 || r.height <= 0) return false;
            const s = win.getComputedStyle(el); return s.visibility !== 'hidden' && s.display !== 'none'; };
          const names = (el, doc) => {
            const out = [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('alt'), el.getAttribute('placeholder')];
            const by = el.getAttribute('aria-labelledby');
            if (by) out.push(by.split(/\s+/).map(id => (doc.getElementById(id) || {}).textContent || '').join(' '));
            if (el.labels) for (const l of el.labels) out.push(l.textContent);
            if (el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes(el.type)) out.push(el.value);
            return out.map(norm).filter(t => t.length > 0);
          };
          const found = [];
          let order = 0;
          const consider = (el, frame) => {
            const win = frame.win, doc = frame.doc;
            if (!shown(el, win)) return;
            const text = norm(el.innerText !== undefined ? el.innerText : el.textContent);
            const ns = names(el, doc);
            let best = -1;
            wants.forEach((w, wi) => {
              let s = -1;
              if (ns.includes(w)) s = 30; else if (text === w) s = 20;
              else if (ns.some(n => n.startsWith(w + ' ') || n.endsWith(' ' + w))) s = 12;
              else if (text.length <= w.length * 3 + 10 && (' ' + text + ' ').includes(' ' + w + ' ')) s = 8;
              if (s < 0) return;
              s -= wi * 5;
              if (s >= 20 && text === w) s -= 0; else if (s < 20) s -= Math.min(6, Math.abs(text.length - w.length) / 10);
              best = Math.max(best, s);
            });
            if (best < 0) return;
            if (q.kind === 'field' && (isControl(el) && !isBox(el))) best += 15;
            else if (q.kind === 'button' && isButton(el)) best += 15;
            else if (q.kind === 'link' && el.tagName === 'A') best += 15;
            else if (q.kind === 'checkbox' && isBox(el)) best += 15;
            if (isClickable(el, win)) best += 5;
            const r = el.getBoundingClientRect();
            const box = { x1: r.left + frame.dx, y1: r.top + frame.dy, x2: r.right + frame.dx, y2: r.bottom + frame.dy };
            let depth = 0;
            if (ctx) {
              let a = el;
              while (a && !norm(a.textContent).includes(ctx)) { a = a.parentElement; depth++; }
              if (!a || a === doc.body || a === doc.documentElement) return;
            }
            found.push({ el, frame, score: best, depth, box, order: order++ });
          };
          const walk = (root, frame) => {
            for (const el of root.querySelectorAll('*')) {
              consider(el, frame);
              if (el.shadowRoot) walk(el.shadowRoot, frame);
              if (el.tagName === 'IFRAME') {
                try {
                  const d = el.contentDocument; const r = el.getBoundingClientRect();
                  if (d && d.body) walk(d, { win: el.contentWindow, doc: d, dx: frame.dx + r.left + el.clientLeft, dy: frame.dy + r.top + el.clientTop, frameEl: el, parent: frame });
                } catch (e) { /* cross-origin frame: not readable */ }
              }
            }
          };
          const top = { win: window, doc: document, dx: 0, dy: 0, frameEl: null, parent: null };
          walk(document, top);
          if (found.length === 0) return null;
          found.sort((a, b) => a.depth - b.depth || b.score - a.score
            || (a.box.x2 - a.box.x1) * (a.box.y2 - a.box.y1) - (b.box.x2 - b.box.x1) * (b.box.y2 - b.box.y1));
          let pick = found[0];
          if (q.ordinal !== 0) {
            const same = found.filter(f => f.depth === pick.depth && f.score === pick.score)
              .sort((a, b) => a.box.y1 - b.box.y1 || a.box.x1 - b.box.x1);
            pick = q.ordinal < 0 ? same[same.length - 1] : same[Math.min(q.ordinal, same.length) - 1];
          }
          const el = pick.el;
          let v = { x1: Math.max(0, pick.box.x1), y1: Math.max(0, pick.box.y1), x2: Math.min(innerWidth, pick.box.x2), y2: Math.min(innerHeight, pick.box.y2) };
          let scroller = null;
          for (let f = pick.frame, a = el.parentElement; f; ) {
            for (; a && a !== f.doc.documentElement; a = a.parentElement) {
              const s = f.win.getComputedStyle(a);
              if (/(auto|scroll|hidden)/.test(s.overflowY + s.overflowX)) {
                const r = a.getBoundingClientRect();
                const c = { x1: r.left + f.dx, y1: r.top + f.dy, x2: r.right + f.dx, y2: r.bottom + f.dy };
                if (!scroller && a.scrollHeight > a.clientHeight + 1 && /(auto|scroll)/.test(s.overflowY)) scroller = c;
                v = { x1: Math.max(v.x1, c.x1), y1: Math.max(v.y1, c.y1), x2: Math.min(v.x2, c.x2), y2: Math.min(v.y2, c.y2) };
              }
            }
            if (!f.frameEl) break;
            a = f.frameEl.parentElement; f = f.parent;
          }
          const visible = v.x2 - v.x1 >= 2 && v.y2 - v.y1 >= 2;
          const cy = (pick.box.y1 + pick.box.y2) / 2;
          let scroll = null;
          if (!visible) {
            const area = scroller
              ? { x1: Math.max(0, scroller.x1), y1: Math.max(0, scroller.y1), x2: Math.min(innerWidth, scroller.x2), y2: Math.min(innerHeight, scroller.y2) }
              : { x1: 0, y1: 0, x2: innerWidth, y2: innerHeight };
            const ay = (area.y1 + area.y2) / 2;
            scroll = { x: (area.x1 + area.x2) / 2 * devicePixelRatio, y: ay * devicePixelRatio, dy: Math.round(cy - ay) };
          }
          const px = devicePixelRatio;
          const value = 'value' in el && typeof el.value === 'string' ? el.value : (el.isContentEditable ? el.textContent : '');
          return { x1: v.x1 * px, y1: v.y1 * px, x2: v.x2 * px, y2: v.y2 * px, visible, scroll,
            tag: el.tagName.toLowerCase(), type: el.type || null, hasValue: !!value && !isBox(el) && el.tagName !== 'SELECT',
            checked: isBox(el) ? !!(el.checked || el.getAttribute('aria-checked') === 'true') : null,
            text: (el.innerText || el.value || '').slice(0, 80) };
        })()
        """;

    /// <summary>Whether the text (__TEXT__, JSON) is shown in the page, its same-origin frames or open shadow roots.</summary>
    public const string ShowsText = """
        (() => {
          const want = __TEXT__.replace(/\s+/g, ' ').trim().toLowerCase();
          const texts = [];
          const walk = (root) => {
            if (root.body) texts.push(root.body.innerText);
            for (const el of root.querySelectorAll('*')) {
              if (el.shadowRoot) { texts.push(el.shadowRoot.textContent); walk(el.shadowRoot); }
              if (el.tagName === 'IFRAME') { try { if (el.contentDocument) walk(el.contentDocument); } catch (e) { /* cross-origin */ } }
            }
          };
          walk(document);
          return texts.some(t => (t || '').replace(/\s+/g, ' ').toLowerCase().includes(want));
        })()
        """;
}
