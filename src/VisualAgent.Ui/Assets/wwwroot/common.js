// Shared by every page: API calls that turn any failure into a message, and the notice area.
export async function api(path, options = {}) {
  const init = { method: options.method ?? 'GET', headers: { 'X-Visual-Agent': '1' } };
  if (options.form) {
    init.body = options.form;
  } else if (options.body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new Error('The UI server did not answer (is `visual-agent ui` still running?)');
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) {
    throw new Error((data && data.error) || `The server answered ${response.status} ${response.statusText}`);
  }
  return data;
}

export function notice(message, kind = 'error') {
  const el = document.getElementById('notice');
  if (!message) { el.hidden = true; el.textContent = ''; return; }
  el.className = 'notice' + (kind === 'info' ? ' info' : '');
  el.textContent = message;
  el.hidden = false;
}

// Builds an element; text goes in as text (page and model text is data, never markup).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

// Draws a box and/or point (image pixels) over an image: the overlay's viewBox is the image's own size.
export function drawMarks(overlay, width, height, marks) {
  overlay.replaceChildren();
  overlay.setAttribute('viewBox', `0 0 ${width} ${height}`);
  overlay.setAttribute('preserveAspectRatio', 'none');
  for (const m of marks) {
    if (m.box) {
      const [x1, y1, x2, y2] = m.box;
      const r = svg('rect', { class: m.cls ?? 'box', x: x1, y: y1, width: Math.max(1, x2 - x1), height: Math.max(1, y2 - y1) });
      if (m.label) r.append(Object.assign(svg('title'), { textContent: m.label }));
      overlay.append(r);
    }
    if (m.point) {
      overlay.append(svg('circle', { class: 'point', cx: m.point[0], cy: m.point[1], r: Math.max(4, width / 200) }));
    }
  }
}

export function fmtMs(ms) { return ms == null ? '' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`; }
