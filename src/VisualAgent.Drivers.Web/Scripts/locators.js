// The one locator ranking: for the element a step acted on, every way to find it again, best first, each marked unique
// when it matches exactly that one element in its document, with a Selenium-ready CSS or XPath equivalent where one
// exists (checked the same way). Order (Playwright's generator, role + name moved up): test id > role + name >
// placeholder > label > alt > text > title > #id (not GUID-like) > role alone > tag > nth (<= 5) > CSS path > XPath.
// Also the element's fingerprint (role, name, test id, id, text, tag path) for healing. Called as
// rank(target, { roleOf, accName, labelText, cssIn, norm }) with the describing script's own helpers; a page of more
// than `giant` elements gets the cheap kinds only (test id, id, CSS, XPath).
(target, h) => {
  const doc = target.ownerDocument;
  const root = target.getRootNode();
  const scope = root.querySelectorAll ? root : doc;
  const tag = target.tagName.toLowerCase();
  const all = Array.from(scope.querySelectorAll('*'));
  const giant = all.length > (h.giant || 20000);
  const shown = e => {
    if (typeof e.checkVisibility === 'function') return e.checkVisibility({ visibilityProperty: true });
    const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0;
  };
  const textOf = e => h.norm(e.innerText !== undefined ? e.innerText : e.textContent, 1000);
  const guidLike = id => /[0-9a-f]{8}-[0-9a-f]{4}|\d{5,}|^[a-z]{0,3}[-_:]?[0-9a-f]{6,}$|^:r[0-9a-z]+:$|^(ember|react|mui|rc)[-_]?\d/i.test(id);
  const xq = s => s.includes("'") ? (s.includes('"') ? null : '"' + s + '"') : "'" + s + "'";
  const cq = s => '"' + s.replace(/["\\]/g, '\\$&') + '"';
  const cssCount = sel => { try { const m = scope.querySelectorAll(sel); return m.length === 1 && m[0] === target ? 1 : m.length || 0; } catch { return 0; } };
  const xpathCount = xp => {
    try {
      const r = doc.evaluate(xp, doc, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
      return r.snapshotLength === 1 && r.snapshotItem(0) === target ? 1 : r.snapshotLength === 1 ? 2 : r.snapshotLength;
    } catch { return 0; }
  };
  const selenium = (entry, css, xpath) => {
    if (css && cssCount(css) === 1) entry.css = css;
    else if (xpath && xpathCount(xpath) === 1) entry.xpath = xpath;
    return entry;
  };
  const role = h.roleOf(target) || '';
  const name = h.accName(target, role) || '';
  const text = ['input', 'select', 'textarea'].includes(tag) ? '' : textOf(target);
  const testId = target.getAttribute('data-testid');
  const id = target.id || '';
  const label = ['input', 'select', 'textarea'].includes(tag) ? (h.labelText(target) || target.getAttribute('aria-label') || '') : '';
  const placeholder = target.getAttribute('placeholder') || '';
  const alt = target.getAttribute('alt') || '';
  const title = target.getAttribute('title') || '';
  const out = [];
  const byRole = giant ? [] : all.filter(e => e === target || (h.roleOf(e) === role && shown(e)));
  const sameName = giant || !role ? [] : byRole.filter(e => e === target || h.accName(e, role) === name);
  const labelXpath = () => {
    const forLabel = target.labels && Array.from(target.labels).find(l => l.htmlFor && l.htmlFor === id);
    if (id && forLabel && xq(h.norm(forLabel.textContent)) ) return `//${tag}[@id=//label[normalize-space(.)=${xq(h.norm(forLabel.textContent))}]/@for]`;
    const wrap = target.closest('label');
    if (wrap && xq(label)) return `//label[normalize-space(.)=${xq(label)}]//${tag}`;
    return null;
  };
  const nameSelenium = () => {
    const q = xq(name);
    if (!q) return [null, null];
    if (target.getAttribute('aria-label') === name) return [`${tag}[aria-label=${cq(name)}]`, null];
    if (tag === 'input' && ['submit', 'button', 'reset'].includes((target.type || '').toLowerCase())) return [`input[type=${cq(target.type)}][value=${cq(name)}]`, null];
    if (text === name) return [null, `//${tag}[normalize-space(.)=${q}]`];
    if (label === name) return [null, labelXpath()];
    if (placeholder === name) return [`${tag}[placeholder=${cq(name)}]`, null];
    return [null, null];
  };

  if (testId) out.push(selenium({ kind: 'testid', value: testId, exact: true, unique: cssCount(`[data-testid=${cq(testId)}]`) === 1 }, `[data-testid=${cq(testId)}]`, null));
  if (role && name && !giant) {
    const [css, xpath] = nameSelenium();
    out.push(selenium({ kind: 'role', role, name, value: name, exact: true, unique: sameName.length === 1 }, css, xpath));
  }
  if (placeholder && !giant) {
    const n = all.filter(e => e.getAttribute('placeholder') === placeholder && shown(e)).length;
    out.push(selenium({ kind: 'placeholder', value: placeholder, exact: true, unique: n === 1 }, `[placeholder=${cq(placeholder)}]`, null));
  }
  if (label && !giant) {
    const n = all.filter(e => ['input', 'select', 'textarea'].includes(e.tagName.toLowerCase()) && shown(e)
      && (h.labelText(e) || e.getAttribute('aria-label') || '') === label).length;
    out.push(selenium({ kind: 'label', value: label, exact: true, unique: n === 1 }, target.getAttribute('aria-label') === label ? `[aria-label=${cq(label)}]` : null, labelXpath()));
  }
  if (alt && !giant) out.push(selenium({ kind: 'alt', value: alt, exact: true, unique: cssCount(`[alt=${cq(alt)}]`) === 1 }, `[alt=${cq(alt)}]`, null));
  if (text && text.length <= 80 && !giant && !['textbox', 'searchbox', 'combobox'].includes(role)) {
    // getByText matches the smallest elements whose whole text is this text.
    const n = all.filter(e => textOf(e) === text && shown(e) && !Array.from(e.children).some(c => textOf(c) === text)).length;
    const inner = Array.from(target.children).some(c => textOf(c) === text);
    out.push(selenium({ kind: 'text', value: text, exact: true, unique: n === 1 && !inner }, null, xq(text) ? `//${tag}[normalize-space(.)=${xq(text)}]` : null));
  }
  if (title && !giant) out.push(selenium({ kind: 'title', value: title, exact: true, unique: cssCount(`[title=${cq(title)}]`) === 1 }, `[title=${cq(title)}]`, null));
  if (id && !guidLike(id)) out.push(selenium({ kind: 'id', value: id, exact: true, unique: cssCount('#' + CSS.escape(id)) === 1 }, '#' + CSS.escape(id), null));
  if (role && !giant && byRole.length === 1) out.push({ kind: 'role', role, value: '', exact: true, unique: true });
  if (cssCount(tag) === 1) out.push(selenium({ kind: 'css', value: tag, exact: true, unique: true }, tag, null));
  if (role && name && !giant && sameName.length > 1) {
    const nth = sameName.indexOf(target);
    if (nth >= 0 && nth <= 5) out.push({ kind: 'role', role, name, value: name, exact: true, nth, unique: true });
  }
  const path = h.cssIn(target);
  if (path) out.push(selenium({ kind: 'css', value: path, exact: true, unique: cssCount(path) === 1 }, path, null));
  // An XPath that a person can read: from the nearest ancestor with a unique id, else from the document.
  const steps = [];
  for (let cur = target; cur && cur.nodeType === 1; cur = cur.parentElement) {
    if (cur.id && !guidLike(cur.id) && xq(cur.id) && doc.querySelectorAll('#' + CSS.escape(cur.id)).length === 1) { steps.unshift(`//*[@id=${xq(cur.id)}]`); break; }
    const t = cur.tagName.toLowerCase();
    const same = cur.parentElement ? Array.from(cur.parentElement.children).filter(c => c.tagName === cur.tagName) : [cur];
    steps.unshift('/' + t + (same.length > 1 ? `[${same.indexOf(cur) + 1}]` : ''));
  }
  const xpath = steps.join('');
  if (root === doc) out.push({ kind: 'xpath', value: xpath, exact: true, unique: xpathCount(xpath) === 1, xpath });

  const tagPath = [];
  for (let cur = target; cur && cur.nodeType === 1 && tagPath.length < 12; cur = cur.parentElement) tagPath.unshift(cur.tagName.toLowerCase());
  return {
    locators: out,
    fingerprint: { role: role || null, name: name || null, testid: testId || null, id: id || null, text: text ? text.slice(0, 200) : null, tagPath: tagPath.join('>') },
  };
}
