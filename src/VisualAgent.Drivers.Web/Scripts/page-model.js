// The page model: what the agent's target resolver chooses from (role, accessible name, text, states, boxes, scopes),
// what step checks read (states and values of one element), and the rendered text that verify looks for.
// Evaluated by Playwright as a function of one argument { op, ref, x, y, limit, budget }. Boxes are CSS pixels of the
// top viewport; the driver converts them to screenshot pixels in CoordinateMapper. It never returns a password's value.
// A walk over the page stops at `limit` results, at 20 x limit elements visited, or after `budget` milliseconds (a page
// of 200,000 elements is read in part and says so: truncated), so no page can make a query run for minutes.
(args) => {
  const deadline = performance.now() + (args.budget > 0 ? args.budget : 5000);
  const KEY = '__visualAgentRefs';
  const store = window[KEY] || (window[KEY] = { next: 1, refs: new Map(), ids: new WeakMap() });
  if (store.refs.size > 20000) {
    for (const [id, w] of store.refs) if (!w.deref() || !w.deref().isConnected) store.refs.delete(id);
  }
  const refOf = el => {
    let id = store.ids.get(el);
    if (!id) { id = 'e' + (store.next++); store.ids.set(el, id); }
    store.refs.set(id, new WeakRef(el));
    return id;
  };
  const byRef = id => { const w = store.refs.get(id); const el = w && w.deref(); return el && el.isConnected ? el : null; };

  const GLYPHS = /[\uE000-\uF8FF\u200B-\u200D\uFEFF]/g;
  const norm = (s, max = 300) => { s = (s || '').replace(GLYPHS, '').replace(/\s+/g, ' ').trim(); return s.length > max ? s.slice(0, max - 1) + '…' : s; };
  const tagOf = e => e.tagName.toLowerCase();
  const winOf = e => e.ownerDocument.defaultView || window;
  const inputType = e => tagOf(e) === 'input' ? (e.getAttribute('type') || 'text').toLowerCase() : null;
  const INPUT_ROLES = { button: 'button', checkbox: 'checkbox', image: 'button', number: 'spinbutton', radio: 'radio',
    range: 'slider', reset: 'button', submit: 'button', file: 'button', color: 'button' };
  const implicitRole = e => {
    switch (tagOf(e)) {
      case 'a': case 'area': return e.hasAttribute('href') ? 'link' : null;
      case 'button': return 'button';
      case 'input': {
        const ty = inputType(e);
        if (ty === 'hidden') return null;
        if (ty === 'search') return e.hasAttribute('list') ? 'combobox' : 'searchbox';
        if (['email', 'tel', 'text', 'url', 'password', ''].includes(ty)) return e.hasAttribute('list') ? 'combobox' : 'textbox';
        return INPUT_ROLES[ty] || 'textbox';
      }
      case 'select': return e.multiple || e.size > 1 ? 'listbox' : 'combobox';
      case 'textarea': return 'textbox';
      case 'img': return e.getAttribute('alt') === '' ? 'presentation' : 'img';
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return 'heading';
      case 'ul': case 'ol': case 'menu': return 'list';
      case 'li': return 'listitem';
      case 'nav': return 'navigation';
      case 'main': return 'main';
      case 'aside': return 'complementary';
      case 'table': return 'table';
      case 'tr': return 'row';
      case 'td': { const t = e.closest('table'); const r = t && (t.getAttribute('role') || ''); return r === 'grid' || r === 'treegrid' ? 'gridcell' : 'cell'; }
      case 'th': return e.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader';
      case 'option': return 'option';
      case 'dialog': return 'dialog';
      case 'fieldset': case 'details': return 'group';
      case 'summary': return 'button';
      case 'progress': return 'progressbar';
      case 'form': return e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby') ? 'form' : null;
      case 'section': return e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby') ? 'region' : null;
      case 'label': return 'label';
      case 'p': return 'paragraph';
      default: return e.isContentEditable && e.getAttribute('contenteditable') !== null ? 'textbox' : null;
    }
  };
  const roleOf = e => (e.getAttribute('role') || '').trim().split(/\s+/)[0] || implicitRole(e) || '';
  const NAME_FROM_CONTENT = new Set(['button', 'link', 'heading', 'cell', 'gridcell', 'columnheader', 'rowheader', 'option', 'tab',
    'menuitem', 'menuitemcheckbox', 'menuitemradio', 'checkbox', 'radio', 'switch', 'treeitem', 'listitem', 'tooltip', 'row', 'label', 'legend']);
  const hiddenForName = e => e.getAttribute('aria-hidden') === 'true' || (() => { const s = winOf(e).getComputedStyle(e); return s.display === 'none' || s.visibility === 'hidden'; })();
  const contentText = (e, depth = 0) => {
    if (depth > 30) return '';
    let out = '';
    for (const n of e.childNodes) {
      if (n.nodeType === 3) { out += n.textContent; continue; }
      if (n.nodeType !== 1 || hiddenForName(n)) continue;
      const t = tagOf(n);
      if (t === 'script' || t === 'style' || t === 'template') continue;
      const aria = n.getAttribute('aria-label');
      if (aria && aria.trim()) { out += ' ' + aria + ' '; continue; }
      if (t === 'img' || t === 'input' && n.type === 'image') { out += ' ' + (n.getAttribute('alt') || '') + ' '; continue; }
      if (t === 'input' && ['text', 'search', 'number', 'email', 'tel', 'url'].includes(n.type) && n !== e) { out += ' ' + n.value + ' '; continue; }
      if (t === 'select' && n.selectedOptions && n.selectedOptions[0]) { out += ' ' + n.selectedOptions[0].text + ' '; continue; }
      const block = /^(block|flex|grid|table|list-item)/.test(winOf(n).getComputedStyle(n).display);
      const inner = contentText(n, depth + 1);
      out += block ? ' ' + inner + ' ' : inner;
    }
    if (e.shadowRoot && depth < 5) for (const n of e.shadowRoot.childNodes) if (n.nodeType === 1 && !hiddenForName(n)) out += ' ' + contentText(n, depth + 1);
    return out;
  };
  const labelsOf = e => {
    const parts = [];
    if (e.labels) for (const l of e.labels) parts.push(norm(contentText(l)));
    return norm(parts.filter(Boolean).join(' '));
  };
  const byIds = (e, attr) => {
    const ids = (e.getAttribute(attr) || '').split(/\s+/).filter(Boolean);
    if (!ids.length) return '';
    const root = e.getRootNode();
    return norm(ids.map(id => (root.getElementById ? root.getElementById(id) : null) || e.ownerDocument.getElementById(id))
      .filter(Boolean).map(n => n.getAttribute('aria-label') || contentText(n)).join(' '));
  };
  const accName = (e, role) => {
    const lb = byIds(e, 'aria-labelledby');
    if (lb) return lb;
    const aria = norm(e.getAttribute('aria-label'));
    if (aria) return aria;
    const t = tagOf(e), ty = inputType(e);
    if (ty && ['button', 'submit', 'reset'].includes(ty)) return norm(e.value || (ty === 'submit' ? 'Submit' : ty === 'reset' ? 'Reset' : ''));
    const lab = labelsOf(e);
    if (lab) return lab;
    if (t === 'img' || ty === 'image' || t === 'area') { const alt = norm(e.getAttribute('alt')); if (alt) return alt; }
    if (t === 'fieldset') { const lg = e.querySelector(':scope > legend'); if (lg) return norm(contentText(lg)); }
    if (t === 'table') { const c = e.querySelector(':scope > caption'); if (c) return norm(contentText(c)); }
    if (t === 'svg') { const ti = e.querySelector(':scope > title'); if (ti) return norm(ti.textContent); }
    if (role && NAME_FROM_CONTENT.has(role)) { const c = norm(contentText(e)); if (c) return c; }
    const title = norm(e.getAttribute('title'));
    if (title) return title;
    return norm(e.getAttribute('placeholder')) || '';
  };
  const rendered = e => {
    if (typeof e.checkVisibility === 'function') {
      if (!e.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
    } else {
      const s = winOf(e).getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
    }
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  // Offset of an element's frame in the top viewport (same-origin frames only).
  const frameOffset = e => {
    let dx = 0, dy = 0, w = winOf(e);
    while (w && w !== window && w.frameElement) {
      const f = w.frameElement, r = f.getBoundingClientRect();
      dx += r.left + f.clientLeft; dy += r.top + f.clientTop;
      w = f.ownerDocument.defaultView;
    }
    return [dx, dy];
  };
  const parentOf = e => e.parentElement || (e.parentNode && e.parentNode.host) || null;
  // The visible part of an element: its box clipped by clipping ancestors, its frames and the top viewport.
  const visibleBox = e => {
    const r = e.getBoundingClientRect();
    let [dx, dy] = frameOffset(e);
    let v = { x1: r.left + dx, y1: r.top + dy, x2: r.right + dx, y2: r.bottom + dy };
    const box = { ...v };
    let cur = e, w = winOf(e);
    for (;;) {
      for (let a = parentOf(cur); a && a.nodeType === 1 && a !== a.ownerDocument.documentElement; a = parentOf(a)) {
        const s = w.getComputedStyle(a);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.clipPath !== 'none' && s.clipPath !== '') {
          const c = a.getBoundingClientRect(), [ax, ay] = frameOffset(a);
          if (s.overflowX !== 'visible') { v.x1 = Math.max(v.x1, c.left + ax); v.x2 = Math.min(v.x2, c.right + ax); }
          if (s.overflowY !== 'visible') { v.y1 = Math.max(v.y1, c.top + ay); v.y2 = Math.min(v.y2, c.bottom + ay); }
        }
        if (s.position === 'fixed') break;
      }
      if (w === window || !w.frameElement) break;
      const f = w.frameElement, fr = f.getBoundingClientRect(), [fx, fy] = frameOffset(f);
      v.x1 = Math.max(v.x1, fr.left + fx); v.y1 = Math.max(v.y1, fr.top + fy);
      v.x2 = Math.min(v.x2, fr.right + fx); v.y2 = Math.min(v.y2, fr.bottom + fy);
      cur = f; w = f.ownerDocument.defaultView;
    }
    v.x1 = Math.max(v.x1, 0); v.y1 = Math.max(v.y1, 0);
    v.x2 = Math.min(v.x2, window.innerWidth); v.y2 = Math.min(v.y2, window.innerHeight);
    const visible = v.x2 - v.x1 >= 1 && v.y2 - v.y1 >= 1;
    return { box, vis: visible ? v : null };
  };
  const deepHit = (doc, x, y) => {
    let el = doc.elementFromPoint(x, y);
    while (el && el.shadowRoot) { const inner = el.shadowRoot.elementFromPoint(x, y); if (!inner || inner === el) break; el = inner; }
    if (el && (tagOf(el) === 'iframe' || tagOf(el) === 'frame')) {
      let d = null; try { d = el.contentDocument; } catch { d = null; }
      if (d && d.documentElement) {
        const r = el.getBoundingClientRect();
        const inner = deepHit(d, x - r.left - el.clientLeft, y - r.top - el.clientTop);
        if (inner) return inner;
      }
    }
    return el;
  };
  const containsDeep = (outer, inner) => {
    for (let n = inner; n; n = n.parentNode || n.host || (n.defaultView && n.defaultView.frameElement) || (n.nodeType === 9 && n.defaultView ? n.defaultView.frameElement : null)) {
      if (n === outer) return true;
    }
    return false;
  };
  const reaches = (e, x, y) => {
    const h = deepHit(document, x, y);
    if (!h) return false;
    if (containsDeep(e, h)) return true;
    const lab = h.closest && h.closest('label');
    if (lab && lab.control === e) return true;
    if (e.labels) for (const l of e.labels) if (containsDeep(l, h)) return true;
    return false;
  };
  // The point a click should use: the visible centre when it reaches the element, else the nearest point of a 5x5
  // grid over the visible box that does (a value label drawn over a slider thumb); null when none does.
  const hitPoint = (e, v) => {
    if (!v) return null;
    const cx = (v.x1 + v.x2) / 2, cy = (v.y1 + v.y2) / 2;
    if (reaches(e, cx, cy)) return { x: cx, y: cy };
    let best = null, bd = Infinity;
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) {
      const x = v.x1 + (v.x2 - v.x1) * (i + 0.5) / 5, y = v.y1 + (v.y2 - v.y1) * (j + 0.5) / 5;
      const d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
      if (d < bd && reaches(e, x, y)) { best = { x, y }; bd = d; }
    }
    return best;
  };
  // Words that say what an icon-only element is, from its own, its parent's and its first child's class and id.
  const hintOf = e => {
    const parts = [];
    for (const n of [e, e.parentElement, e.firstElementChild]) {
      if (!n) continue;
      const c = n.getAttribute('class'); if (c) parts.push(c);
      if (n.id) parts.push(n.id);
    }
    return norm(parts.join(' ').replace(/[-_]+/g, ' '), 120);
  };
  const INTERACTIVE_ROLES = new Set(['button', 'link', 'textbox', 'searchbox', 'checkbox', 'radio', 'switch', 'tab', 'option',
    'menuitem', 'menuitemcheckbox', 'menuitemradio', 'combobox', 'listbox', 'slider', 'spinbutton', 'treeitem', 'gridcell',
    'columnheader', 'rowheader', 'scrollbar']);
  const interactive = e => {
    const t = tagOf(e), role = roleOf(e);
    if (INTERACTIVE_ROLES.has(role) && role !== 'columnheader' && role !== 'rowheader' && role !== 'gridcell') return true;
    if (['a', 'button', 'input', 'select', 'textarea', 'summary'].includes(t)) return !(t === 'a' && !e.hasAttribute('href'));
    if (e.hasAttribute('onclick') || (e.isContentEditable && e.getAttribute('contenteditable') !== null)) return true;
    if (e.hasAttribute('tabindex') && e.getAttribute('tabindex') !== '-1') return true;
    return false;
  };
  const ariaBool = (e, a) => { const v = e.getAttribute(a); return v === 'true' ? true : v === 'false' ? false : null; };
  const states = e => {
    const t = tagOf(e), ty = inputType(e), role = roleOf(e);
    let checked = null, mixed = false;
    if (t === 'input' && (ty === 'checkbox' || ty === 'radio')) { checked = e.checked; mixed = !!e.indeterminate; }
    else { const a = e.getAttribute('aria-checked'); if (a === 'mixed') { mixed = true; checked = false; } else if (a !== null) checked = a === 'true'; }
    if (checked === null && ['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio'].includes(role)) checked = false;
    let selected = ariaBool(e, 'aria-selected');
    if (t === 'option' && e.parentElement) selected = e.selected;
    const editableTag = t === 'textarea' || (t === 'input' && !['button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'file', 'range', 'color', 'hidden'].includes(ty));
    const disabled = !!e.disabled || e.getAttribute('aria-disabled') === 'true' || !!(e.closest && e.closest('fieldset[disabled]') && ['input', 'select', 'textarea', 'button'].includes(t));
    const readOnly = !!e.readOnly || e.getAttribute('aria-readonly') === 'true';
    const submits = t === 'button' ? (e.type || 'submit') === 'submit' && !!e.form : t === 'input' && (ty === 'submit' || ty === 'image') && !!e.form;
    let formAction = null;
    if (e.form && e.form.action) { try { const u = new URL(e.form.action, e.ownerDocument.baseURI); if (u.origin !== location.origin) formAction = u.origin; } catch { formAction = null; } }
    return {
      checked, mixed, selected,
      expanded: ariaBool(e, 'aria-expanded') ?? (t === 'details' ? e.open : (t === 'summary' && e.parentElement && tagOf(e.parentElement) === 'details' ? e.parentElement.open : null)),
      pressed: (e.getAttribute('aria-pressed') === 'mixed') ? true : ariaBool(e, 'aria-pressed'),
      disabled, readOnly, editable: (editableTag && !readOnly && !disabled) || (e.isContentEditable && !disabled),
      focused: e.ownerDocument.activeElement === e || (e.contains && e.contains(e.ownerDocument.activeElement) && e.isContentEditable),
      sort: e.getAttribute('aria-sort'), current: e.getAttribute('aria-current'), submits, formAction,
    };
  };
  const valueOf = e => {
    const t = tagOf(e), ty = inputType(e), role = roleOf(e);
    if (ty === 'password') return null;
    if (t === 'select') return e.selectedOptions && e.selectedOptions.length ? Array.from(e.selectedOptions).map(o => norm(o.text)).join(', ') : '';
    if (t === 'textarea' || (t === 'input' && !['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file'].includes(ty))) return e.value;
    if (['slider', 'spinbutton', 'scrollbar', 'progressbar', 'meter'].includes(role)) return e.getAttribute('aria-valuetext') || e.getAttribute('aria-valuenow');
    if (e.isContentEditable && e.getAttribute('contenteditable') !== null) return e.innerText;
    if (role === 'combobox') { const c = norm(contentText(e)); return c || null; }
    return null;
  };
  const SCOPE_ROLES = new Set(['dialog', 'alertdialog', 'region', 'group', 'radiogroup', 'form', 'navigation', 'main', 'complementary',
    'banner', 'contentinfo', 'search', 'listbox', 'list', 'menu', 'menubar', 'tree', 'grid', 'treegrid', 'table', 'tablist',
    'toolbar', 'row', 'tabpanel', 'rowgroup', 'treeitem']);
  const scopesOf = (e, heading) => {
    const out = [];
    for (let a = parentOf(e), n = 0; a && a.nodeType === 1 && n < 40; a = parentOf(a) || (a.ownerDocument.defaultView.frameElement || null), n++) {
      const role = roleOf(a);
      if (!SCOPE_ROLES.has(role)) continue;
      let name = role === 'row' ? norm(a.innerText || contentText(a), 400) : accName(a, role === 'treeitem' ? 'none' : role);
      if (role === 'treeitem') { const own = a.querySelector(':scope > span, :scope > a, :scope > div'); name = norm(own ? contentText(own) : ''); }
      if (role === 'rowgroup' && !name) continue;
      out.push({ kind: role, name });
    }
    if (heading) out.push({ kind: 'heading', name: heading });
    return out;
  };
  const proseOf = (e, role, text) => {
    if (interactive(e) || INTERACTIVE_ROLES.has(role)) return false;
    const block = e.closest && e.closest('p, li, blockquote, dd, figcaption, td');
    const blockText = block ? norm(block.innerText, 2000) : text;
    return blockText.length >= 60 && /[.!?:;,]\s/.test(blockText + ' ');
  };
  // The element's own words: its text without nested groups, lists and trees (a tree item's label, not its children's).
  const ownWords = e => {
    let out = '';
    for (const n of e.childNodes) {
      if (n.nodeType === 3) { out += n.textContent; continue; }
      if (n.nodeType !== 1 || hiddenForName(n)) continue;
      const t = tagOf(n), r = n.getAttribute('role') || '';
      if (['ul', 'ol', 'table', 'script', 'style'].includes(t) || ['group', 'list', 'tree', 'menu', 'listbox', 'grid', 'rowgroup'].includes(r)) continue;
      out += ' ' + (n.getAttribute('aria-label') || ownWords(n)) + ' ';
    }
    return out;
  };
  const ownText = e => { for (const n of e.childNodes) if (n.nodeType === 3 && n.textContent.replace(GLYPHS, '').trim()) return true; return false; };
  const describe = (e, order, heading) => {
    const role = roleOf(e), t = tagOf(e), ty = inputType(e);
    const { box, vis } = visibleBox(e);
    const text = ['input', 'select', 'textarea'].includes(t) ? '' : norm(e.innerText !== undefined ? e.innerText : e.textContent);
    const lvl = role === 'heading' ? (parseInt(e.getAttribute('aria-level') || t.slice(1), 10) || null) : null;
    const st = states(e);
    const hp = hitPoint(e, vis);
    return {
      ref: refOf(e), role: role || (ownText(e) ? 'text' : ''), name: accName(e, role), text, own: ['input', 'select', 'textarea'].includes(t) ? '' : norm(ownWords(e)), tag: t, inputType: ty,
      label: ['input', 'select', 'textarea'].includes(t) ? (labelsOf(e) || null) : null,
      placeholder: e.getAttribute('placeholder'), title: e.getAttribute('title'), alt: e.getAttribute('alt'),
      testId: e.getAttribute('data-testid') || e.getAttribute('data-test-id') || e.getAttribute('data-test'), id: e.id || null,
      value: valueOf(e), valueLength: ty === 'password' ? (e.value || '').length : null, states: st,
      box, vis, hit: !!hp, hx: hp ? hp.x : null, hy: hp ? hp.y : null, hint: accName(e, role) ? null : hintOf(e), interactive: interactive(e), prose: proseOf(e, role, text), order, level: lvl,
      options: t === 'select' ? Array.from(e.options).slice(0, 300).map(o => norm(o.text)) : null,
      scopes: scopesOf(e, heading), inFrame: winOf(e) !== window || e.getRootNode() !== e.ownerDocument,
    };
  };
  const candidate = e => {
    const t = tagOf(e);
    if (['script', 'style', 'template', 'noscript', 'head', 'meta', 'link', 'title', 'br', 'html', 'body', 'option'].includes(t) && !(t === 'option' && e.parentElement && tagOf(e.parentElement) !== 'select' && tagOf(e.parentElement) !== 'optgroup' && tagOf(e.parentElement) !== 'datalist')) return false;
    const role = roleOf(e);
    if (role && role !== 'presentation' && role !== 'none' && role !== 'paragraph' && role !== 'generic') return true;
    if (interactive(e)) return true;
    if (t === 'svg' || t === 'canvas' || t === 'img') return true;
    if (winOf(e).getComputedStyle(e).cursor === 'pointer' && parentOf(e) && winOf(e).getComputedStyle(parentOf(e)).cursor !== 'pointer') return true;
    return ownText(e);
  };
  // Walks the document, open shadow roots and same-origin frames in reading order, until `limit` elements were visited,
  // the visitor says 'stop' or the time budget is spent.
  const walk = (visit, limit) => {
    const unreadable = [];
    let count = 0, steps = 0, cut = false, stopped = false;
    const go = (root) => {
      const it = (root.ownerDocument || root).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      for (let n = it.nextNode(); n; n = it.nextNode()) {
        if (stopped) return;
        if (count >= limit || ((++steps & 63) === 0 && performance.now() > deadline)) { cut = true; stopped = true; return; }
        const seen = visit(n);
        if (seen === 'stop') { stopped = true; return; }
        if (seen === 'skip') continue;
        count++;
        if (n.shadowRoot) go(n.shadowRoot);
        const t = tagOf(n);
        if (t === 'iframe' || t === 'frame') {
          let d = null; try { d = n.contentDocument; } catch { d = null; }
          if (d && d.documentElement) go(d.documentElement);
          else if (rendered(n)) unreadable.push('cross-origin frame ' + (n.getAttribute('src') || n.getAttribute('title') || ''));
        }
        if (t === 'canvas' && rendered(n)) unreadable.push('canvas');
      }
    };
    go(document.documentElement);
    return { unreadable, cut };
  };
  const HEAD = /^h[1-6]$/;

  switch (args.op) {
    case 'query': {
      const out = [];
      let heading = null, order = 0;
      const res = walk(e => {
        if (out.length >= args.limit) return 'stop';
        const t = tagOf(e);
        if (HEAD.test(t) || e.getAttribute('role') === 'heading') { const h = norm(contentText(e)); if (h) heading = h; }
        if (!candidate(e) || !rendered(e)) return;
        out.push(describe(e, order++, heading));
      }, Math.max(args.limit * 20, 20000));
      return { elements: out, truncated: res.cut || out.length >= args.limit, unreadable: res.unreadable, location: location.href };
    }
    case 'refresh': case 'reveal': {
      const e = byRef(args.ref);
      if (!e || !rendered(e)) return null;
      if (args.op === 'reveal') {
        const { vis } = visibleBox(e);
        const r = e.getBoundingClientRect();
        const whole = vis && vis.x2 - vis.x1 >= Math.min(r.width, innerWidth) - 1 && vis.y2 - vis.y1 >= Math.min(r.height, innerHeight) - 1;
        if (!whole) e.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      }
      return describe(e, 0, null);
    }
    case 'hit': {
      let h = deepHit(document, args.x, args.y);
      if (!h) return null;
      if (tagOf(h) === 'label' && h.control) h = h.control;
      let target = h;
      for (let cur = h, d = 0; cur && cur.nodeType === 1 && d < 8; cur = parentOf(cur), d++) {
        if (interactive(cur)) { target = cur; break; }
      }
      if (tagOf(target) === 'label' && target.control) target = target.control;
      return describe(target, 0, null);
    }
    case 'describe': return args.el && args.el.isConnected && rendered(args.el) ? describe(args.el, 0, null) : null;
    case 'focus': {
      let f = document.activeElement;
      for (let d = 0; f && d < 10; d++) {
        if (f.shadowRoot && f.shadowRoot.activeElement) { f = f.shadowRoot.activeElement; continue; }
        let inner = null;
        if (tagOf(f) === 'iframe' || tagOf(f) === 'frame') { try { inner = f.contentDocument && f.contentDocument.activeElement; } catch { inner = null; } }
        if (inner) { f = inner; continue; }
        break;
      }
      return f && f !== document.body && f !== document.documentElement ? describe(f, 0, null) : null;
    }
    case 'text': {
      const out = [];
      walk(e => {
        if (out.length >= args.limit) return 'stop';
        if (!ownText(e) || ['script', 'style', 'noscript', 'title', 'option'].includes(tagOf(e))) return;
        if (!rendered(e)) return;
        const text = norm(e.innerText !== undefined ? e.innerText : e.textContent, 4000);
        if (!text) return;
        const { box, vis } = visibleBox(e);
        out.push({ text, box, visible: !!vis, ref: refOf(e) });
      }, Math.max(args.limit * 20, 20000));
      return out;
    }
    case 'activity': {
      const a = window.__visualAgentActivity;
      return { mutations: a ? a.mutations : -1, documentId: String(performance.timeOrigin) + location.href.split('#')[0] };
    }
    default: throw new Error('unknown op ' + args.op);
  }
}
