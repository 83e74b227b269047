// "The page shows TEXT": the one rule behind a recorded verify "TEXT" and wait for "TEXT" on the web. The agent's
// run and replay evaluate this file through the web driver, and every generated script embeds it verbatim (Playwright:
// page.waitForFunction; Selenium: a wait around executeScript), so the three agree by construction.
// A function of one argument { text, scroll, explain }:
// - only occurrences a person can see count: not display:none, visibility:hidden, opacity 0, zero-size
//   (or 1px "screen reader only"), clipped away by an overflow:hidden ancestor, inside a closed <details>, or placed
//   off the page; an occurrence further down the page counts (it is scrolled to). aria-hidden text that is rendered
//   counts: it hides text from assistive technology, not from the eye (a switch's visible "On" label is aria-hidden);
// - form-control values count: a text field's or text area's value, a drop-down's selected option;
// - TEXT matches as a whole word sequence on word boundaries, case-sensitive, whitespace normalised; digits never
//   match inside a longer number ("4 results" is not in "14 results" nor in "4.5 results");
// - text inside a code listing (<pre>, <code>) is not evidence unless the listing is a live region or an <output>:
//   a page that documents itself shows its own source, where the words of every outcome appear whether or not it
//   happened. A result pane marked as a live region (aria-live, role status/log/alert) still counts.
// - evidence must be news: once the steps have acted on a page (the driver then marks what it showed, with
//   { mark: true }, right before the first action after opening it), an occurrence that was already shown before that
//   action, unchanged and in the same place (the same text nodes with the same text, the same field with the same
//   value, not moved), does not count: words a page showed from the start prove nothing about what the steps did,
//   while text they wrote, revealed, changed or moved (a sorted row) does. A page reached by the steps (a new
//   document) has no mark, so all of it is news.
// With mark: records what is shown now and returns how many text nodes and fields it noted.
// Returns null when TEXT is not shown (with explain: a sentence saying why), else the occurrence, form-control values
// first, then text in document order: { kind: 'value'|'text', tag, id, role, name, text, selector, scrolled,
// box: {x1,y1,x2,y2} } in CSS pixels of the top viewport, after scrolling it into view when scroll is true.
// Kept free of backquotes, dollar-brace and triple quotes: scripts embed it in raw string literals.
(args) => {
  const GLYPHS = /[\uE000-\uF8FF\u200B-\u200D\uFEFF]/g;
  const norm = s => String(s || '').replace(GLYPHS, '').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
  const want = norm(args && args.text);
  const WORD = /[\p{L}\p{Nd}]/u, DIGIT = /\p{Nd}/u;
  const boundary = (hay, at, edge, dir) => {
    if (at < 0 || at >= hay.length) return true;
    const c = hay[at];
    if (WORD.test(edge) && WORD.test(c)) return false;
    if (DIGIT.test(edge) && (c === '.' || c === ',')) {
      const beyond = at + dir;
      return beyond < 0 || beyond >= hay.length || !DIGIT.test(hay[beyond]);
    }
    return true;
  };
  const matches = (hay, w) => {
    for (let i = hay.indexOf(w); i >= 0; i = hay.indexOf(w, i + 1)) {
      if (boundary(hay, i - 1, w[0], -1) && boundary(hay, i + w.length, w[w.length - 1], 1)) return true;
    }
    return false;
  };
  const MARK = Symbol.for('visual-agent.shown-before');
  if (!want && !(args && args.mark)) return args && args.explain ? 'there is no text to look for' : null;

  const tagOf = e => e.tagName.toLowerCase();
  const SKIP = new Set(['script', 'style', 'noscript', 'template', 'title', 'head', 'select', 'option', 'optgroup', 'textarea', 'datalist']);
  const textOf = e => norm(e.innerText !== undefined ? e.innerText : e.textContent);
  const parentOf = e => e.parentElement || (e.parentNode && e.parentNode.host) || null;
  const frameOffset = e => {
    let dx = 0, dy = 0, w = e.ownerDocument.defaultView;
    while (w && w !== window && w.frameElement) {
      const f = w.frameElement, r = f.getBoundingClientRect();
      dx += r.left + f.clientLeft; dy += r.top + f.clientTop;
      w = f.ownerDocument.defaultView;
    }
    return [dx, dy];
  };
  const rendered = e => typeof e.checkVisibility === 'function'
    ? e.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    : (s => s.display !== 'none' && s.visibility !== 'hidden' && s.opacity !== '0')(e.ownerDocument.defaultView.getComputedStyle(e));
  // Why a person cannot see the element (a few words), or null when they can (now or by scrolling).
  const hiddenWhy = e => {
    for (let a = e; a; a = parentOf(a)) {
      if (a.nodeType === 1 && tagOf(a) === 'details' && !a.open && !(e.closest && e.closest('summary'))) return 'inside a closed <details>';
    }
    if (!rendered(e)) return 'hidden by its style (display, visibility or opacity)';
    const r = e.getBoundingClientRect();
    const w = e.ownerDocument.defaultView;
    // display: contents has no box of its own; its children's boxes are judged when the text is theirs.
    if ((r.width <= 1 || r.height <= 1) && w.getComputedStyle(e).display !== 'contents') return 'of no size';
    if (r.right + w.scrollX <= 0 || r.bottom + w.scrollY <= 0) return 'placed off the page';
    for (let a = parentOf(e); a && a.nodeType === 1 && a !== e.ownerDocument.documentElement; a = parentOf(a)) {
      const s = w.getComputedStyle(a);
      const clipX = s.overflowX === 'hidden' || s.overflowX === 'clip', clipY = s.overflowY === 'hidden' || s.overflowY === 'clip';
      if (!clipX && !clipY) continue;
      const c = a.getBoundingClientRect();
      if (clipX && (Math.min(r.right, c.right) - Math.max(r.left, c.left) < 1)) return 'clipped away by its container';
      if (clipY && (Math.min(r.bottom, c.bottom) - Math.max(r.top, c.top) < 1)) return 'clipped away by its container';
    }
    return null;
  };
  const LIVE = '[aria-live="polite"], [aria-live="assertive"], [role="status"], [role="log"], [role="alert"], output';
  const inListing = e => {
    const listing = e.closest && e.closest('pre, code, xmp, listing');
    return !!listing && !listing.closest(LIVE);
  };
  const valueOf = e => {
    const t = tagOf(e);
    if (t === 'textarea') return e.value;
    if (t === 'select') return Array.from(e.selectedOptions || []).map(o => o.text).join(', ');
    const ty = (e.getAttribute('type') || 'text').toLowerCase();
    return ['text', 'search', 'email', 'tel', 'url', 'number', 'button', 'submit', 'reset'].includes(ty) ? e.value : '';
  };

  const roots = [];
  const addRoots = root => {
    roots.push(root);
    for (const e of root.querySelectorAll('*')) {
      if (e.shadowRoot) addRoots(e.shadowRoot);
      const t = tagOf(e);
      if ((t === 'iframe' || t === 'frame') && !hiddenWhy(e)) {
        let d = null; try { d = e.contentDocument; } catch { d = null; }
        if (d && d.body) addRoots(d);
      }
    }
  };
  addRoots(document);

  // The text nodes under an element that are shown (in rendered elements outside script/style), and their parents.
  const shownTextNodes = (e, visible) => {
    const out = [], walker = (e.nodeType === 9 ? e : e.ownerDocument).createTreeWalker(e, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement;
      if (!p || !norm(n.nodeValue) || SKIP.has(tagOf(p)) || !visible(p)) continue;
      out.push(n);
    }
    return out;
  };
  // Where an element sits on its page (scrolling the window does not move it), to tell a moved occurrence.
  const place = e => {
    const r = e.getBoundingClientRect(), w = e.ownerDocument.defaultView;
    return [Math.round(r.left + w.scrollX), Math.round(r.top + w.scrollY)];
  };
  if (args && args.mark) {
    const memo = new Map();
    const shown = p => { if (!memo.has(p)) memo.set(p, !hiddenWhy(p) && !inListing(p)); return memo.get(p); };
    const before = { nodes: new WeakMap(), values: new WeakMap(), places: new WeakMap() };
    let count = 0;
    for (const root of roots) {
      for (const n of shownTextNodes(root, shown)) {
        before.nodes.set(n, n.nodeValue);
        if (!before.places.has(n.parentElement)) before.places.set(n.parentElement, place(n.parentElement));
        count++;
      }
      for (const c of root.querySelectorAll('input, textarea, select')) {
        if (!hiddenWhy(c)) { before.values.set(c, norm(valueOf(c))); before.places.set(c, place(c)); count++; }
      }
    }
    window[MARK] = before;
    return count;
  }
  const before = window[MARK] || null;
  const stayed = e => {
    const was = before.places.get(e), now = place(e);
    return !!was && Math.abs(was[0] - now[0]) <= 1 && Math.abs(was[1] - now[1]) <= 1;
  };
  // Already shown before the steps acted, unchanged and in place: every shown text node of the occurrence was noted
  // with the same text where it is now (a node added, changed, revealed or moved since makes it news), or the field
  // held the same value where it is now.
  const stale = f => {
    if (!before) return false;
    if (f.kind === 'value') return before.values.has(f.e) && before.values.get(f.e) === f.text && stayed(f.e);
    const nodes = shownTextNodes(f.e, rendered);
    return nodes.length > 0 && nodes.every(n => before.nodes.get(n) === n.nodeValue && stayed(n.parentElement));
  };

  const seen = { hidden: new Map(), listing: 0 };
  const note = why => seen.hidden.set(why, (seen.hidden.get(why) || 0) + 1);
  const found = [];
  const consider = (e, kind, text) => {
    const why = hiddenWhy(e);
    if (why) { note(why); return; }
    if (kind === 'text' && inListing(e)) { seen.listing++; return; }
    found.push({ e, kind, text });
  };
  // A child whose whole subtree nobody sees (its size and clipping are judged where the text is: a container of
  // zero height can still show what overflows it).
  const pruned = c => c.parentElement && tagOf(c.parentElement) === 'details' && !c.parentElement.open && tagOf(c) !== 'summary' ? 'inside a closed <details>'
    : !rendered(c) ? 'hidden by its style (display, visibility or opacity)' : null;
  // The element's text without the children nobody sees: its own text nodes and its shown children's text.
  const ownShown = e => norm(Array.from(e.childNodes).map(n => n.nodeType === 3 ? n.nodeValue
    : n.nodeType === 1 && !SKIP.has(tagOf(n)) && !pruned(n) ? ' ' + textOf(n) + ' ' : ' ').join(''));
  // The smallest shown elements whose text holds the match: descend only into children that hold it too.
  const descend = e => {
    let deeper = false;
    for (const c of e.children) {
      if (SKIP.has(tagOf(c))) continue;
      const t = textOf(c);
      if (!t || !matches(t, want)) continue;
      const why = pruned(c);
      if (why) { note(why); continue; }
      deeper = true;
      descend(c);
    }
    if (!deeper && matches(ownShown(e), want)) consider(e, 'text', textOf(e));
  };
  // Explaining a miss: the same descent through everything, shown or not, by the DOM's text.
  const explain = e => {
    let deeper = false;
    for (const c of e.children) {
      if (['script', 'style', 'noscript', 'template', 'title', 'head'].includes(tagOf(c))) continue;
      // Containment, not the word rule: the DOM's text runs block boundaries together ("More" + "Foxtrot").
      if (norm(c.textContent).includes(want)) { deeper = true; explain(c); }
    }
    if (deeper || !matches(norm(e.textContent), want)) return;
    if (tagOf(e) === 'option' || tagOf(e) === 'optgroup') note('in a drop-down option that is not chosen');
    else consider(e, 'text', norm(e.textContent));
  };
  const values = [];
  const scanValues = () => {
    for (const root of roots) {
      for (const c of root.querySelectorAll('input, textarea, select')) {
        const v = norm(valueOf(c));
        if (v) values.push(v);
        if (v && matches(v, want)) consider(c, 'value', v);
      }
    }
  };
  scanValues();
  for (const root of roots) {
    const top = root.body || (root.host ? root : null);
    if (!top) continue;
    if (root.host) {
      for (const c of root.children) {
        if (!SKIP.has(tagOf(c)) && !pruned(c) && matches(textOf(c), want)) descend(c);
      }
    } else if (matches(textOf(top), want)) {
      descend(top);
    }
  }

  const news = found.filter(f => !stale(f));
  const hit = news.find(f => f.kind === 'value') || news[0];
  if (!hit && found.length > 0) {
    if (!(args && args.explain)) return null;
    const f = found.find(g => g.kind === 'value') || found[0];
    const where = (f.kind === 'value' ? 'the value of ' : 'in ') + tagOf(f.e) + (f.e.id ? '#' + f.e.id : '');
    return '"' + want + '" was already shown before the steps acted on this page (' + where + ') and has not changed or moved since, '
      + 'so it is no evidence that they worked: verify a text the steps bring about, or verify this one before the first action';
  }
  if (!hit) {
    if (!(args && args.explain)) return null;
    seen.hidden.clear();
    seen.listing = 0;
    scanValues();
    for (const root of roots) {
      const top = root.body || (root.host ? root : null);
      if (top) explain(top);
    }
    const reasons = [];
    if (seen.listing) reasons.push("only inside a code listing (<pre>/<code>), which shows the page's source, not what happened");
    for (const [why, n] of seen.hidden) reasons.push(n + ' occurrence(s) ' + why);
    if (reasons.length === 0) {
      const all = roots.map(r => r.body ? textOf(r.body) : '').concat(values).join(' ').toLowerCase();
      reasons.push(matches(all, want.toLowerCase()) ? 'shown only in another letter case (matched case-sensitive, as whole words)'
        : 'not on the page (matched as whole words, case-sensitive)');
    }
    return '"' + want + '" is not shown: ' + reasons.join('; ');
  }

  const e = hit.e;
  let scrolled = false;
  if (args && args.scroll) {
    const r = e.getBoundingClientRect(), w = e.ownerDocument.defaultView;
    if (r.top < 0 || r.left < 0 || r.bottom > w.innerHeight || r.right > w.innerWidth) {
      e.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      scrolled = true;
    }
  }
  const r = e.getBoundingClientRect(), [dx, dy] = frameOffset(e);
  const t = tagOf(e), id = e.id || null;
  const role = e.getAttribute('role') || null;
  const label = e.labels && e.labels.length ? norm(e.labels[0].innerText) : null;
  const name = norm(e.getAttribute('aria-label')) || label || null;
  const selector = t + (id ? '#' + id : '');
  return {
    kind: hit.kind, tag: t, id, role, name, selector, scrolled,
    text: hit.text.length > 120 ? hit.text.slice(0, 119) + '\u2026' : hit.text,
    box: { x1: r.left + dx, y1: r.top + dy, x2: r.right + dx, y2: r.bottom + dy },
  };
}
