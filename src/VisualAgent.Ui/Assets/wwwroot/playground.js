// The playground: images on the left, the conversation in the middle, the profile and its parameters on the right.
import { api, notice, el, svg, drawMarks, fmtMs } from '/assets/common.js';

const $ = (id) => document.getElementById(id);
const state = { images: [], selected: null, messages: [], profiles: [], drawn: [], ocrMarks: new Map() };
const SETTINGS = ['temperature', 'top_p', 'top_k', 'max_tokens', 'seed', 'min_pixels', 'max_pixels'];

function settings() {
  const read = (id) => { const v = $(id).value.trim(); return v === '' ? null : Number(v); };
  return {
    temperature: read('temperature'), topP: read('top_p'), topK: read('top_k'), maxTokens: read('max_tokens'),
    seed: read('seed'), minPixels: read('min_pixels'), maxPixels: read('max_pixels'),
  };
}

async function upload(files) {
  const list = [...files];
  if (list.length === 0) return;
  const form = new FormData();
  for (const f of list) form.append('files', f, f.name || 'pasted.png');
  try {
    const data = await api('/api/images', { method: 'POST', form });
    for (const img of data.images) state.images.push(img);
    select(data.images[data.images.length - 1].id);
    notice(data.errors.length ? data.errors.join(' ') : null);
  } catch (e) {
    notice(e.message);
  }
  renderThumbs();
  refreshBudget();
}

function renderThumbs() {
  $('thumbs').replaceChildren(...state.images.map((img) => el('li', {},
    el('button', { type: 'button', 'aria-pressed': img.id === state.selected ? 'true' : 'false', 'data-id': img.id, onclick: () => select(img.id) },
      el('img', { src: `/api/images/${img.id}`, alt: '' }),
      el('span', { text: `${img.name} (${img.width}×${img.height})` })))));
}

function select(id, marks = []) {
  state.selected = id;
  const img = state.images.find((i) => i.id === id);
  $('stage').hidden = !img;
  if (!img) return;
  const current = $('current');
  current.alt = `Screenshot ${img.name}, ${img.width} by ${img.height} pixels`;
  if (current.dataset.id !== id) { current.src = `/api/images/${id}`; current.dataset.id = id; }
  state.drawn = marks;
  drawMarks($('overlay'), img.width, img.height, marks);
  renderSetOfMarks(img);
  renderThumbs();
}

// Set-of-marks: numbered marks over the lines OCR reads on the image and the boxes grounding found on it; choosing one
// (on the image, or in the list for the keyboard) grounds it with the chosen profile.
function setOfMarks(img) {
  const lines = state.ocrMarks.get(img.id) ?? [];
  const found = state.messages.filter((m) => m.role === 'reply' && m.mode === 'ground' && m.result?.found && m.result.box && m.imageIds?.[0] === img.id)
    .map((m) => ({ box: m.result.box, text: m.text, quoted: false }));
  return [...lines, ...found].map((m, i) => ({ ...m, n: i + 1 }));
}

function renderSetOfMarks(img) {
  const on = $('show-marks').checked && img;
  $('marks').hidden = !on;
  if (!on) { $('marks').replaceChildren(); return; }
  const marks = setOfMarks(img);
  const overlay = $('overlay');
  const size = Math.max(14, Math.round(img.width / 80));
  for (const m of marks) {
    const [x1, y1, x2, y2] = m.box;
    const g = svg('g', { class: 'som', 'data-n': m.n, 'data-text': m.text });
    g.append(svg('rect', { class: 'som-box', x: x1, y: y1, width: Math.max(1, x2 - x1), height: Math.max(1, y2 - y1) }));
    const w = size * (0.45 + 0.6 * String(m.n).length);
    g.append(svg('rect', { class: 'som-tag', x: x1, y: Math.max(0, y1 - size), width: w, height: size }));
    const t = svg('text', { class: 'som-n', x: x1 + w / 2, y: Math.max(0, y1 - size) + size * 0.8, 'font-size': size, 'text-anchor': 'middle' });
    t.textContent = String(m.n);
    g.append(t);
    g.addEventListener('click', () => groundMark(m));
    overlay.append(g);
  }
  $('marks').replaceChildren(...marks.map((m) => el('li', {}, el('button', { type: 'button', class: 'secondary', 'data-n': m.n, onclick: () => groundMark(m) }, `${m.n}. ${m.text}`))));
}

async function toggleMarks() {
  notice(null);
  const img = state.images.find((i) => i.id === state.selected);
  if ($('show-marks').checked && img && !state.ocrMarks.has(img.id)) {
    try {
      const r = await api('/api/ocr', { method: 'POST', body: { imageId: img.id } });
      state.ocrMarks.set(img.id, r.lines.filter((l) => l.text.trim()).map((l) => ({ box: l.box, text: l.text.trim(), quoted: true })));
    } catch (e) {
      notice(e.message);
    }
  } else if ($('show-marks').checked && !img) {
    notice('Upload or select an image first: the marks are drawn over it.');
  }
  if (img) select(img.id, state.drawn); else renderSetOfMarks(null);
}

function groundMark(mark) {
  $('mode').value = 'ground';
  $('prompt').value = mark.quoted ? `"${mark.text.replaceAll('"', '')}"` : mark.text;
  $('ask').requestSubmit();
}

function addMessage(message) {
  state.messages.push(message);
  renderLog();
}

function describe(m) {
  const r = m.result;
  if (m.role === 'user') return { text: `${m.mode === 'ocr' ? 'read text' : m.mode}: ${m.text || ''}`, meta: `${m.profile ?? ''} · ${m.imageIds.length} image(s)` };
  if (m.role === 'error') return { text: m.text, meta: 'error' };
  const sim = r.simulated ? ' · SIMULATED model' : '';
  if (m.mode === 'ground') {
    return r.found
      ? { text: `found at (${r.point.map((v) => v.toFixed(0)).join(', ')})` + (r.box ? ` box [${r.box.map((v) => v.toFixed(0)).join(', ')}]` : '') + ` confidence ${r.confidence.toFixed(2)}`,
          meta: `${r.profile} · ${fmtMs(r.server_ms)}${sim}` }
      : { text: `not found: ${r.error}`, meta: `${r.profile} · ${fmtMs(r.server_ms)}${sim}` };
  }
  if (m.mode === 'ocr') return { text: r.text || '(no text found)', meta: `ocr · ${r.lines.length} lines · ${fmtMs(r.server_ms)}` };
  const usage = r.usage ? ` · tokens in ${r.usage.promptTokens} (image ${r.usage.imageTokens}) out ${r.usage.completionTokens}` : '';
  return { text: r.answer, meta: `${r.profile} · ${fmtMs(r.server_ms)}${usage}${sim}` };
}

function marksOf(m) {
  const r = m.result;
  if (!r) return [];
  if (m.mode === 'ground' && r.found) return [{ box: r.box, point: r.point, label: m.text }];
  if (m.mode === 'ocr') return r.lines.map((l) => ({ box: l.box, cls: 'line', label: l.text }));
  return [];
}

function renderLog() {
  $('log').replaceChildren(...state.messages.map((m, i) => {
    const d = describe(m);
    const li = el('li', { class: m.role, 'data-mode': m.mode, 'data-index': i }, d.text, el('span', { class: 'meta', text: d.meta }));
    const marks = marksOf(m);
    if (marks.length && m.imageIds?.length) {
      li.append(el('button', { type: 'button', class: 'secondary show', text: 'Show on image', onclick: () => select(m.imageIds[0], marks) }));
    }
    return li;
  }));
  $('log').scrollTop = $('log').scrollHeight;
}

async function send(event) {
  event.preventDefault();
  notice(null);
  const mode = $('mode').value;
  const text = $('prompt').value.trim();
  const profile = $('profile').value;
  if (!state.selected) { notice('Upload or select an image first.'); return; }
  const imageIds = mode === 'ground' || mode === 'ocr' ? [state.selected] : state.images.map((i) => i.id);
  const user = { role: 'user', mode, text, profile: mode === 'ocr' ? 'ocr' : profile, imageIds };
  addMessage(user);
  $('send').disabled = true;
  try {
    let result;
    if (mode === 'ground') result = await api('/api/ground', { method: 'POST', body: { profile, imageId: state.selected, instruction: text, settings: settings() } });
    else if (mode === 'ocr') result = await api('/api/ocr', { method: 'POST', body: { imageId: state.selected } });
    else result = await api('/api/ask', { method: 'POST', body: { profile, imageIds, question: text, mode, settings: settings() } });
    const reply = { role: 'reply', mode, text, imageIds, result };
    addMessage(reply);
    select(imageIds[0], marksOf(reply));
  } catch (e) {
    addMessage({ role: 'error', mode, text: e.message, imageIds });
    notice(e.message);
  } finally {
    $('send').disabled = false;
  }
}

async function loadProfiles() {
  try {
    state.profiles = await api('/api/profiles');
  } catch (e) {
    notice(e.message);
    return;
  }
  const groups = new Map();
  for (const p of state.profiles) {
    if (!groups.has(p.group)) groups.set(p.group, el('optgroup', { label: p.group }));
    groups.get(p.group).append(el('option', { value: p.name, text: `${p.name} — ${p.status}` }));
  }
  const current = $('profile').value || 'offline';
  $('profile').replaceChildren(...groups.values());
  $('profile').value = state.profiles.some((p) => p.name === current) ? current : 'offline';
  showProfile();
}

function showProfile() {
  const p = state.profiles.find((x) => x.name === $('profile').value);
  const status = $('profile-status');
  if (!p) { status.textContent = ''; return; }
  status.className = 'status ' + (p.usable ? 'up' : 'down');
  status.textContent = `${p.status}: ${p.detail ?? ''}${p.abilities ? ` (can ${p.abilities})` : ''}`;
}

async function refreshBudget() {
  const out = $('tokens');
  try {
    const data = await api('/api/budget', { method: 'POST', body: { profile: $('profile').value || 'offline', imageIds: state.images.map((i) => i.id), settings: settings() } });
    const rows = data.images.map((i) => `${i.original} → ${i.sent}: ${i.tokens} tokens`);
    out.textContent = `image tokens: ${data.total_tokens}` + (rows.length ? ` (${rows.join('; ')})` : '') + ` — ${data.note}`;
  } catch (e) {
    out.textContent = e.message;
  }
}

function clear() {
  state.messages = [];
  renderLog();
  if (state.selected) select(state.selected);
  $('export-out').hidden = true;
  notice(null);
}

async function save() {
  notice(null);
  const name = $('save-name').value.trim();
  try {
    const data = await api('/api/conversations', { method: 'POST', body: {
      name, profile: $('profile').value, settings: settings(), selected: state.selected, images: state.images, messages: state.messages } });
    notice(`Saved as "${data.name}".`, 'info');
    await listSaved(data.name);
  } catch (e) {
    notice(e.message);
  }
}

async function listSaved(pick) {
  try {
    const list = await api('/api/conversations');
    $('saved').replaceChildren(el('option', { value: '', text: list.length ? '(choose)' : '(none)' }),
      ...list.map((c) => el('option', { value: c.name, text: `${c.name} (${c.messages} messages)` })));
    if (pick) $('saved').value = pick;
  } catch (e) {
    notice(e.message);
  }
}

async function load() {
  notice(null);
  const name = $('saved').value;
  if (!name) { notice('Choose a saved conversation to load.'); return; }
  try {
    const c = await api(`/api/conversations/${encodeURIComponent(name)}`);
    state.images = c.images ?? [];
    state.messages = c.messages ?? [];
    if (c.profile && [...$('profile').options].some((o) => o.value === c.profile)) $('profile').value = c.profile;
    for (const [id, key] of [['temperature', 'temperature'], ['top_p', 'topP'], ['top_k', 'topK'], ['max_tokens', 'maxTokens'], ['seed', 'seed'], ['min_pixels', 'minPixels'], ['max_pixels', 'maxPixels']]) {
      $(id).value = c.settings?.[key] ?? '';
    }
    $('save-name').value = c.name ?? name;
    showProfile();
    renderLog();
    const last = [...state.messages].reverse().find((m) => m.role === 'reply' && marksOf(m).length);
    select(c.selected ?? state.images[0]?.id, last && last.imageIds[0] === (c.selected ?? state.images[0]?.id) ? marksOf(last) : []);
    refreshBudget();
    notice(`Loaded "${c.name ?? name}".`, 'info');
  } catch (e) {
    notice(e.message);
  }
}

async function exportCode() {
  notice(null);
  const steps = state.messages.filter((m) => m.role === 'reply' && m.mode === 'ground' && m.result.found)
    .map((m) => ({ instruction: m.text, point: m.result.point, box: m.result.box, profile: m.result.profile, imageId: m.imageIds[0] }));
  try {
    const data = await api('/api/export-code', { method: 'POST', body: { target: $('export-target').value, url: $('export-url').value.trim() || null, steps } });
    $('export-code').textContent = data.source;
    $('export-note').textContent = data.note;
    $('export-out').hidden = false;
  } catch (e) {
    notice(e.message);
  }
}

// Open as task: the steps run in a browser of the server as a recorded run; the Runs page then follows it live.
async function startTask() {
  notice(null);
  $('task-start').disabled = true;
  try {
    const data = await api('/api/runs', { method: 'POST', body: { url: $('task-url').value.trim(), instruction: $('task-steps').value.trim(), model: $('profile').value || 'offline' } });
    location.href = `/runs?id=${encodeURIComponent(data.id)}`;
  } catch (e) {
    notice(e.message);
    $('task-start').disabled = false;
  }
}

function init() {
  $('file').addEventListener('change', (e) => { upload(e.target.files); e.target.value = ''; });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); upload(e.dataTransfer.files); });
  document.addEventListener('paste', (e) => {
    const files = [...(e.clipboardData?.items ?? [])].filter((i) => i.kind === 'file').map((i) => i.getAsFile()).filter(Boolean);
    if (files.length) { e.preventDefault(); upload(files); }
  });
  $('ask').addEventListener('submit', send);
  $('profile').addEventListener('change', () => { showProfile(); refreshBudget(); });
  for (const id of SETTINGS) $(id).addEventListener('change', refreshBudget);
  $('clear').addEventListener('click', clear);
  $('save').addEventListener('click', save);
  $('load').addEventListener('click', load);
  $('export').addEventListener('click', exportCode);
  $('task-start').addEventListener('click', startTask);
  $('show-marks').addEventListener('change', toggleMarks);
  $('mode').addEventListener('change', () => {
    const placeholders = { ground: 'the Export CSV button', ocr: '(reads the selected image)', describe: '(optional) what to focus on', ask: 'what is the total?' };
    $('prompt').placeholder = placeholders[$('mode').value];
  });
  loadProfiles().then(refreshBudget);
  listSaved();
  document.body.dataset.ready = 'true';
}

init();
