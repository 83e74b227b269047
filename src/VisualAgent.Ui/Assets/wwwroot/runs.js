// The Runs page: the list with filters, and one run as a timeline of screenshots with what each step did.
import { api, notice, el, fmtMs } from '/assets/common.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
let runs = [];
const view = { id: null, run: null, steps: [], at: 0, source: null };

function badge(status) {
  const known = ['succeeded', 'failed', 'blocked', 'running', 'ok', 'error', 'retry', 'skipped'];
  return el('span', { class: `badge ${known.includes(status) ? status : 'other'}`, text: status });
}

async function loadList() {
  notice(null);
  try {
    const data = await api('/api/runs');
    runs = data.runs;
    $('folder').textContent = `${runs.length} run(s) in ${data.folder}`;
  } catch (e) {
    notice(e.message);
    return;
  }
  const models = [...new Set(runs.map((r) => r.model))].sort();
  const chosen = $('f-model').value;
  $('f-model').replaceChildren(el('option', { value: '', text: 'all' }), ...models.map((m) => el('option', { value: m, text: m })));
  $('f-model').value = models.includes(chosen) ? chosen : '';
  renderList();
}

function renderList() {
  const status = $('f-status').value;
  const model = $('f-model').value;
  const text = $('f-text').value.trim().toLowerCase();
  const shown = runs.filter((r) => (!status || r.status === status) && (!model || r.model === model)
    && (!text || r.id.toLowerCase().includes(text) || (r.goal ?? '').toLowerCase().includes(text)));
  $('runs').tBodies[0].replaceChildren(...shown.map((r) => el('tr', { 'data-id': r.id },
    el('td', {}, el('a', { href: `/runs?id=${encodeURIComponent(r.id)}`, text: r.id })),
    el('td', {}, badge(r.status)),
    el('td', { text: r.steps }),
    el('td', { text: r.model + (r.simulated ? ' (simulated)' : '') }),
    el('td', { text: ((r.duration_ms ?? 0) / 1000).toFixed(1) }),
    el('td', {}, r.goal ?? '', r.reason ? el('span', { class: 'status', text: ` — ${r.reason}` }) : null))));
  $('empty').hidden = shown.length > 0;
}

async function openRun(id) {
  $('list-view').hidden = true;
  $('run-view').hidden = false;
  view.id = id;
  try {
    const data = await api(`/api/runs/${encodeURIComponent(id)}`);
    view.run = data.run;
    view.steps = data.steps;
  } catch (e) {
    notice(e.message);
    return;
  }
  document.title = `${view.run.id} · Runs · Visual Agent`;
  $('run-h').textContent = view.run.id;
  renderSummary();
  show(0);
  follow();
}

function renderSummary() {
  const r = view.run;
  $('run-summary').replaceChildren(badge(r.status), ` ${r.goal} · model ${r.model}${r.simulated ? ' (simulated)' : ''} · ${view.steps.length} step(s)`
    + (r.duration_ms ? ` · ${(r.duration_ms / 1000).toFixed(1)} s` : '') + (r.reason ? ` · ${r.reason}` : '')
    + (r.status === 'running' ? ' · live: new steps appear as they are written' : ''));
  // A run still being written cannot be replayed or re-run yet (and the UI does one browser job at a time).
  $('rerun').disabled = r.status === 'running';
  $('replay').disabled = r.status === 'running';
}

// Live view: steps and run.json changes as the run writes them (Server-Sent Events); closed when the run ends.
function follow() {
  if (view.source) view.source.close();
  if (view.run.status !== 'running') return;
  const source = new EventSource(`/api/runs/${encodeURIComponent(view.id)}/events?after=${view.steps.length}`);
  view.source = source;
  source.addEventListener('step', (e) => {
    const step = JSON.parse(e.data);
    const atEnd = view.at >= view.steps.length - 1;
    view.steps.push(step);
    renderSummary();
    show(atEnd ? view.steps.length - 1 : view.at);
  });
  source.addEventListener('run', (e) => { view.run = JSON.parse(e.data); renderSummary(); });
  source.addEventListener('end', () => source.close());
  source.addEventListener('gone', (e) => { source.close(); notice(JSON.parse(e.data).message); });
  source.addEventListener('idle', (e) => { source.close(); notice(JSON.parse(e.data).message, 'info'); });
  source.onerror = () => { if (source.readyState === EventSource.CLOSED) notice('The live view lost the server: reload the page.'); };
}

function fact(name, value) {
  if (value === undefined || value === null || value === '') return [];
  return [el('dt', { text: name }), el('dd', { text: typeof value === 'string' ? value : JSON.stringify(value) })];
}

function show(index) {
  const steps = view.steps;
  $('steps').replaceChildren(...steps.map((s, i) => el('li', {}, el('button', {
    type: 'button', 'aria-current': i === index ? 'step' : null, onclick: () => show(i),
  }, `${s.index}. ${s.description ?? (s.action?.action ?? 'step')} `, badge(s.outcome)))));
  $('prev').disabled = index <= 0;
  $('next').disabled = index >= steps.length - 1;
  if (steps.length === 0) {
    $('position').textContent = 'no steps written yet';
    $('facts').replaceChildren();
    $('shot').removeAttribute('src');
    return;
  }
  view.at = Math.max(0, Math.min(index, steps.length - 1));
  const s = steps[view.at];
  $('position').textContent = `step ${view.at + 1} of ${steps.length}`;
  $('step-h').textContent = `Step ${s.index}: ${s.description ?? ''}`;
  const file = s.annotated_screenshot ?? s.screenshot;
  if (file) {
    $('shot').src = runFile(file);
    $('shot').alt = `Screenshot of step ${s.index}${s.annotated_screenshot ? ', with the grounded point drawn' : ''}`;
  } else {
    $('shot').removeAttribute('src');
    $('shot').alt = 'no screenshot for this step';
  }
  showCrop(s);
  const element = s.element ? [s.element.role, s.element.name ? `"${s.element.name}"` : null, s.element.tag].filter(Boolean).join(' ') : null;
  const check = s.check ? `${s.check.held ? 'held' : 'did NOT hold'} (${s.check.strength}): expected ${s.check.expected ?? ''}; observed ${s.check.observed ?? ''}` : null;
  $('facts').replaceChildren(
    ...fact('outcome', s.outcome),
    ...fact('error', s.error),
    ...fact('action', s.action),
    ...fact('model reply', s.raw_reply),
    ...fact('grounding', s.grounding),
    ...fact('confidence', s.confidence),
    ...fact('element', element),
    // The ranking's best entry (the first that matched exactly the element; the driver writes it out as element.locator).
    ...fact('locator', s.element?.locator ?? (s.locators?.find(l => l.unique) ? `${s.locators.find(l => l.unique).kind}: ${s.locators.find(l => l.unique).value} (unique)` : s.no_locator)),
    ...fact('check', check),
    ...fact('timings', `model ${fmtMs(s.model_ms)}, act ${fmtMs(s.act_ms)}, total ${fmtMs(s.total_ms)}`),
    ...fact('tokens', s.usage ? `in ${s.usage.prompt_tokens}, out ${s.usage.completion_tokens}, image ${s.usage.image_tokens}` : null));
}

// A file of the open run, served by the UI server from inside the run's folder (a path relative to it, never the disk's).
function runFile(path) {
  return `/api/runs/${encodeURIComponent(view.id)}/file?path=${encodeURIComponent(path)}`;
}

// The element the step acted on, cut from its (already masked) screenshot when it was recorded: shots/NNN.element.png.
function showCrop(s) {
  const figure = $('crop-figure');
  if (!s.crop) {
    figure.hidden = true;
    $('crop').removeAttribute('src');
    return;
  }
  $('crop').src = runFile(s.crop);
  $('crop').alt = `The element step ${s.index} acted on, as recorded`;
  figure.hidden = false;
}

async function exportCode() {
  notice(null);
  $('run-export-note').textContent = 'writing and compiling…';
  try {
    const data = await api(`/api/runs/${encodeURIComponent(view.id)}/codegen`, { method: 'POST', body: { target: $('run-target').value } });
    $('run-export-code').textContent = data.source;
    $('run-export-code').hidden = false;
    $('run-export-note').textContent = data.note;
  } catch (e) {
    $('run-export-note').textContent = '';
    notice(e.message);
  }
}

// Re-run: the same instruction, URL and profiles as a new run; the page then follows it live.
async function rerun() {
  notice(null);
  $('rerun').disabled = true;
  $('replay-note').textContent = 'starting a new run…';
  try {
    const data = await api(`/api/runs/${encodeURIComponent(view.id)}/rerun`, { method: 'POST' });
    location.href = `/runs?id=${encodeURIComponent(data.id)}`;
  } catch (e) {
    $('replay-note').textContent = '';
    notice(e.message);
    $('rerun').disabled = false;
  }
}

// Replay: the run again by its recorded locators, no model call; the report says per step how its element was found.
async function replay() {
  notice(null);
  $('replay').disabled = true;
  $('replay-steps').hidden = true;
  $('replay-note').textContent = 'replaying by the recorded locators (no model calls)…';
  try {
    const r = await api(`/api/runs/${encodeURIComponent(view.id)}/replay`, { method: 'POST', body: { heal: $('heal').value } });
    // A step that healed or failed shows its element as recorded, to compare with the page now.
    $('replay-steps').tBodies[0].replaceChildren(...r.steps.map((s) => el('tr', {},
      el('td', { text: s.index }),
      el('td', { text: s.description }),
      el('td', { text: s.healed ? `healed by ${s.how}` : s.how }),
      el('td', { text: s.ms }),
      el('td', {}, badge(s.ok ? 'ok' : 'failed'), s.error ? ` ${s.error}` : ''),
      el('td', {}, (s.healed || !s.ok) && s.crop
        ? el('img', { class: 'crop', src: runFile(s.crop), alt: `The element of step ${s.index} as recorded` })
        : ''))));
    $('replay-steps').hidden = r.steps.length === 0;
    const diff = r.diff ? (r.applied ? ` Healed locators applied to the recording (${r.diff}).` : ` Healed locators proposed in ${r.diff}; the recording is unchanged.`) : '';
    $('replay-note').replaceChildren(badge(r.succeeded ? 'succeeded' : 'failed'),
      ` replay ${r.succeeded ? 'succeeded' : `FAILED: ${r.reason}`}: ${r.steps.length} step(s), ${r.cache_hits} cache hit(s), ${r.healed} healed, `
      + `${r.model_calls} model calls (the run made ${r.original_model_calls}); ${fmtMs(r.replay_ms)} against the run's ${fmtMs(r.original_ms)}; heal ${r.heal}; ${r.viewport.note}.${diff}`);
  } catch (e) {
    $('replay-note').textContent = '';
    notice(e.message);
  } finally {
    $('replay').disabled = false;
  }
}

function init() {
  for (const id of ['f-status', 'f-model']) $(id).addEventListener('change', renderList);
  $('f-text').addEventListener('input', renderList);
  $('refresh').addEventListener('click', loadList);
  $('prev').addEventListener('click', () => show(view.at - 1));
  $('next').addEventListener('click', () => show(view.at + 1));
  $('run-export').addEventListener('click', exportCode);
  $('rerun').addEventListener('click', rerun);
  $('replay').addEventListener('click', replay);
  const id = params.get('id');
  const ready = id ? openRun(id) : loadList();
  ready.finally(() => { document.body.dataset.ready = 'true'; });
}

init();
