namespace VisualAgent.Drivers.Web;

/// <summary>
/// In-page JavaScript that finds the element at a CSS point of the top frame, descending into open shadow roots and
/// same-origin iframes, and describes it. It never reads an input's value.
/// </summary>
internal static class ElementScript
{
    /// <summary>The describing script, with the locator ranking (<see cref="PageScripts.Locators"/>) inside it.</summary>
    public static readonly string Describe = DescribeTemplate.Replace("/*RANK*/", PageScripts.Locators, StringComparison.Ordinal);

    private const string DescribeTemplate = """
        ([x, y]) => {
          const norm = (s, max = 200) => { s = (s || '').replace(/\s+/g, ' ').trim(); return s.length > max ? s.slice(0, max - 1) + '…' : s; };
          const tagOf = e => e.tagName.toLowerCase();
          const inputType = e => tagOf(e) === 'input' ? (e.getAttribute('type') || 'text').toLowerCase() : null;
          const byRole = { button: 'button', checkbox: 'checkbox', image: 'button', number: 'spinbutton', radio: 'radio',
            range: 'slider', reset: 'button', submit: 'button', file: 'button' };
          const implicitRole = e => {
            const t = tagOf(e);
            switch (t) {
              case 'a': case 'area': return e.hasAttribute('href') ? 'link' : null;
              case 'button': return 'button';
              case 'input': {
                const ty = inputType(e);
                if (ty === 'hidden') return null;
                if (ty === 'search') return e.hasAttribute('list') ? 'combobox' : 'searchbox';
                if (['email', 'tel', 'text', 'url', ''].includes(ty)) return e.hasAttribute('list') ? 'combobox' : 'textbox';
                return byRole[ty] || 'textbox';
              }
              case 'select': return e.multiple || e.size > 1 ? 'listbox' : 'combobox';
              case 'textarea': return 'textbox';
              case 'img': return e.getAttribute('alt') === '' ? 'presentation' : 'img';
              case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return 'heading';
              case 'ul': case 'ol': case 'menu': return 'list';
              case 'li': return 'listitem';
              case 'nav': return 'navigation';
              case 'main': return 'main';
              case 'table': return 'table';
              case 'tr': return 'row';
              case 'td': return 'cell';
              case 'th': return 'columnheader';
              case 'option': return 'option';
              case 'dialog': return 'dialog';
              case 'p': return 'paragraph';
              case 'progress': return 'progressbar';
              case 'output': return 'status';
              case 'fieldset': case 'details': return 'group';
              case 'summary': return 'button';
              case 'article': return 'article';
              case 'hr': return 'separator';
              case 'form': return e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby') ? 'form' : null;
              case 'section': return e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby') ? 'region' : null;
              default: return null;
            }
          };
          const roleOf = e => (e.getAttribute('role') || '').trim().split(/\s+/)[0] || implicitRole(e);
          const nameFromContent = new Set(['button', 'link', 'heading', 'cell', 'columnheader', 'rowheader', 'option', 'tab',
            'menuitem', 'menuitemcheckbox', 'menuitemradio', 'checkbox', 'radio', 'switch', 'treeitem', 'listitem', 'tooltip']);
          // Text of a name source without its aria-hidden parts ("Name<span aria-hidden>*</span>:" is "Name:"), as
          // Playwright's role engine and the accessibility tree compute it; plain innerText when nothing is hidden.
          const nameText = n => {
            if (!n.querySelector || !n.querySelector('[aria-hidden="true"]')) return n.innerText || n.textContent;
            let out = '';
            for (const c of n.childNodes) {
              if (c.nodeType === 3) out += c.textContent;
              else if (c.nodeType === 1 && c.getAttribute('aria-hidden') !== 'true' && getComputedStyle(c).display !== 'none') {
                const block = /^(block|flex|grid|table|list-item)/.test(getComputedStyle(c).display);
                out += block ? ' ' + nameText(c) + ' ' : nameText(c);
              }
            }
            return out;
          };
          const labelText = e => {
            const parts = [];
            if (e.labels) for (const l of e.labels) parts.push(norm(nameText(l)));
            return norm(parts.filter(Boolean).join(' '));
          };
          const accName = (e, role) => {
            const root = e.getRootNode();
            const ids = (e.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
            if (ids.length) {
              const t = ids.map(id => root.getElementById ? root.getElementById(id) : document.getElementById(id))
                .filter(Boolean).map(n => norm(nameText(n))).join(' ');
              if (t) return norm(t);
            }
            const aria = norm(e.getAttribute('aria-label'));
            if (aria) return aria;
            const ty = inputType(e);
            if (ty && ['button', 'submit', 'reset'].includes(ty)) return norm(e.getAttribute('value') || (ty === 'submit' ? 'Submit' : ty === 'reset' ? 'Reset' : ''));
            const lab = labelText(e);
            if (lab) return lab;
            if (tagOf(e) === 'img' || ty === 'image') { const alt = norm(e.getAttribute('alt')); if (alt) return alt; }
            if (role && nameFromContent.has(role)) { const t = norm(nameText(e)); if (t) return t; }
            const title = norm(e.getAttribute('title'));
            if (title) return title;
            return norm(e.getAttribute('placeholder')) || null;
          };
          const interactive = e => {
            const t = tagOf(e);
            if (['a', 'button', 'input', 'select', 'textarea', 'summary', 'option', 'label', 'iframe'].includes(t)) return true;
            if (e.hasAttribute('role') || e.hasAttribute('onclick') || e.isContentEditable && e.getAttribute('contenteditable') !== null) return true;
            if (e.hasAttribute('tabindex') && e.getAttribute('tabindex') !== '-1') return true;
            return !!e.getAttribute('data-testid');
          };
          const esc = s => CSS.escape(s);
          const cssIn = e => {
            const root = e.getRootNode();
            const parts = [];
            for (let cur = e; cur && cur.nodeType === 1; cur = cur.parentElement) {
              if (cur.id && root.querySelectorAll('#' + esc(cur.id)).length === 1) { parts.unshift('#' + esc(cur.id)); break; }
              const tid = cur.getAttribute('data-testid');
              if (tid && root.querySelectorAll('[data-testid="' + tid.replace(/["\\]/g, '\\$&') + '"]').length === 1) {
                parts.unshift('[data-testid="' + tid.replace(/["\\]/g, '\\$&') + '"]'); break;
              }
              let seg = tagOf(cur);
              const parent = cur.parentElement || cur.parentNode;
              if (parent && parent.children) {
                const same = Array.from(parent.children).filter(c => c.tagName === cur.tagName);
                if (same.length > 1) seg += ':nth-of-type(' + (same.indexOf(cur) + 1) + ')';
              }
              parts.unshift(seg);
              if (tagOf(cur) === 'html') break;
            }
            return parts.join(' > ');
          };
          const frames = [];
          let doc = document, cx = x, cy = y, ox = 0, oy = 0, hosts = [], el = null;
          for (;;) {
            el = doc.elementFromPoint(cx, cy);
            if (!el) return null;
            while (el.shadowRoot) {
              const inner = el.shadowRoot.elementFromPoint(cx, cy);
              if (!inner || inner === el) break;
              hosts.push(cssIn(el)); el = inner;
            }
            if (tagOf(el) === 'iframe' || tagOf(el) === 'frame') {
              let inner = null;
              try { inner = el.contentDocument; } catch { inner = null; }
              if (inner && inner.documentElement) {
                const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
                const dx = r.left + el.clientLeft + parseFloat(cs.paddingLeft || '0');
                const dy = r.top + el.clientTop + parseFloat(cs.paddingTop || '0');
                frames.push([...hosts, cssIn(el)].join(' '));
                hosts = []; ox += dx; oy += dy; cx -= dx; cy -= dy; doc = inner;
                continue;
              }
            }
            break;
          }
          let target = el;
          for (let cur = el, depth = 0; cur && depth < 6; depth++) {
            if (interactive(cur)) { target = cur; break; }
            const p = cur.parentElement || (cur.parentNode && cur.parentNode.host) || null;
            cur = p;
          }
          if (tagOf(target) === 'label' && target.control) target = target.control;
          // Kept (not in the DOM: no attribute, no mutation) for the driver to check its locators with Playwright's own
          // engines: which of a locator's matches is this element.
          try { Object.defineProperty(target.ownerDocument.defaultView, Symbol.for('visual-agent.target'), { value: target, configurable: true, writable: true }); } catch { }
          const role = roleOf(target);
          const ty = inputType(target);
          const tag = tagOf(target);
          const isField = ['input', 'textarea', 'select'].includes(tag);
          const editable = (tag === 'textarea' || (tag === 'input' && !['button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'file', 'range', 'color', 'hidden'].includes(ty)))
            ? !target.disabled && !target.readOnly : target.isContentEditable;
          const r = target.getBoundingClientRect();
          const hostChain = target.getRootNode() instanceof ShadowRoot ? hosts : [];
          const css = [...hostChain, cssIn(target)].join(' ');
          let ranked = null;
          try { ranked = (/*RANK*/)(target, { roleOf, accName, labelText, cssIn, norm, giant: 20000 }); } catch (err) { ranked = { locators: [], fingerprint: null, rankError: String(err) }; }
          return {
            locators: ranked.locators, fingerprint: ranked.fingerprint, rankError: ranked.rankError || null,
            tag, role: role || null, name: accName(target, role),
            text: isField || target.isContentEditable ? null : (norm(target.innerText || target.textContent) || null),
            left: r.left + ox, top: r.top + oy, width: r.width, height: r.height,
            cx: r.left + r.width / 2, cy: r.top + r.height / 2,
            testId: target.getAttribute('data-testid'), label: isField ? (labelText(target) || null) : null,
            placeholder: target.getAttribute('placeholder'), inputType: ty, editable: !!editable,
            frames, inShadow: target.getRootNode() instanceof ShadowRoot, css,
            formAction: target.form ? String(target.form.action || doc.location.href) : null,
            frameUrl: doc !== document ? doc.location.href : (tag === 'iframe' || tag === 'frame' ? (target.src || 'about:blank') : null),
            pageSize: document.getElementsByTagName('*').length
          };
        }
        """;
}
