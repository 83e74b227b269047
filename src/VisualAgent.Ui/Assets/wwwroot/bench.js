// The Benchmarks page: start a built-in suite with live progress, open finished outputs, compare two.
import { api, notice, el } from '/assets/common.js';

const $ = (id) => document.getElementById(id);
let reports = [];
let source = null;

const pct = (v) => v == null ? '—' : `${(v * 100).toFixed(1)} %`;
const ci = (c) => c && c.length === 2 ? ` [${(c[0] * 100).toFixed(1)}, ${(c[1] * 100).toFixed(1)}]` : '';
const score = (m) => m ? `${pct(m.score)}${ci(m.ci95)}${m.status && m.status !== 'ok' ? ` (${m.status})` : ''}${m.simulated ? ' simulated' : ''}` : '—';

async function loadChoices() {
  try {
    const [suites, profiles] = await Promise.all([api('/api/bench/suites'), api('/api/profiles')]);
    $('suite').replaceChildren(...suites.map((s) => el('option', { value: s, text: s })));
    $('suite').value = suites.includes('ocr-samples') ? 'ocr-samples' : suites[0];
    $('models').replaceChildren(...profiles.map((p) => {
      const id = `model-${p.name}`;
      return el('span', {}, el('input', { type: 'checkbox', id, value: p.name, checked: p.name === 'ocr' }),
        el('label', { for: id, text: ` ${p.name} (${p.status})` }));
    }));
  } catch (e) {
    notice(e.message);
  }
}

async function start(event) {
  event.preventDefault();
  notice(null);
  const models = [...document.querySelectorAll('#models input:checked')].map((i) => i.value);
  const limit = $('limit').value.trim();
  try {
    const job = await api('/api/bench/start', { method: 'POST', body: { suite: $('suite').value, models, limit: limit ? Number(limit) : null, noCheck: $('no-check').checked } });
    follow(job);
  } catch (e) {
    notice(e.message);
  }
}

function follow(job) {
  if (source) source.close();
  $('job').hidden = false;
  $('job-h').textContent = `running ${job.suite} with ${job.models.join(', ')} → ${job.out_dir}`;
  $('job-log').replaceChildren();
  const bars = new Map();
  $('job-models').replaceChildren(...job.models.map((m) => {
    const bar = el('progress', { class: 'progress', max: 1, value: 0, 'aria-label': `progress of ${m}` });
    const text = el('span', { class: 'status', text: ' waiting' });
    bars.set(m.toLowerCase(), { bar, text });
    return el('li', { 'data-model': m }, el('strong', { text: m }), ' ', bar, text);
  }));
  source = new EventSource(`/api/bench/jobs/${encodeURIComponent(job.id)}/events`);
  source.addEventListener('progress', (e) => {
    const p = JSON.parse(e.data);
    const row = bars.get((p.model ?? '').toLowerCase());
    if (row && p.total > 0) {
      row.bar.max = p.total;
      row.bar.value = p.done;
      row.text.textContent = ` ${p.done}/${p.total} done, ${p.failed} failed${p.simulated ? ' (simulated)' : ''}${p.finished ? ' · finished' : ''}`;
    } else {
      $('job-log').append(el('li', { text: p.text }));
    }
  });
  source.addEventListener('done', (e) => {
    source.close();
    const d = JSON.parse(e.data);
    $('job-h').textContent = `finished: ${d.models.map((m) => `${m.model} ${score(m)}`).join('; ')} → ${d.report}`;
    loadReports();
  });
  source.addEventListener('failed', (e) => {
    source.close();
    const d = JSON.parse(e.data);
    $('job-h').textContent = `failed: ${d.error}`;
    notice(d.error);
  });
}

async function loadReports() {
  try {
    const data = await api('/api/bench/reports');
    reports = data.reports;
    $('reports-folder').textContent = `${reports.length} output(s) in ${data.folder}`;
  } catch (e) {
    notice(e.message);
    return;
  }
  $('reports').tBodies[0].replaceChildren(...reports.map((r, i) => el('tr', { 'data-id': r.id },
    el('td', {}, el('input', { type: 'radio', name: 'a', value: r.id, 'aria-label': `compare ${r.id} as A`, checked: i === 1 })),
    el('td', {}, el('input', { type: 'radio', name: 'b', value: r.id, 'aria-label': `compare ${r.id} as B`, checked: i === 0 })),
    el('td', { text: r.id }),
    el('td', { text: `${r.suite} (${r.metric})` }),
    el('td', { text: new Date(r.created).toLocaleString() }),
    el('td', { text: r.models.map((m) => `${m.model} ${score(m)} n=${m.n}`).join('; ') }),
    el('td', {}, r.hasHtml ? el('a', { href: `/api/bench/file?id=${encodeURIComponent(r.id)}&file=report.html`, target: '_blank', rel: 'noopener', text: 'open report' }) : '—'))));
}

async function compare() {
  notice(null);
  const a = document.querySelector('input[name=a]:checked')?.value;
  const b = document.querySelector('input[name=b]:checked')?.value;
  if (!a || !b) { notice('Choose an output as A and one as B.'); return; }
  try {
    const c = await api(`/api/bench/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
    $('comparison-h').textContent = `Comparison on ${c.suite} (${c.metric}): A = ${a}, B = ${b}`;
    $('compare-table').tBodies[0].replaceChildren(...c.rows.map((r) => el('tr', { 'data-model': r.model },
      el('td', { text: r.model }),
      el('td', { text: score(r.a) }),
      el('td', { text: score(r.b) }),
      el('td', { text: r.delta == null ? (r.note ?? '—') : `${r.delta >= 0 ? '+' : ''}${(r.delta * 100).toFixed(1)} pts${r.delta_ci95 ? ` [${(r.delta_ci95[0] * 100).toFixed(1)}, ${(r.delta_ci95[1] * 100).toFixed(1)}]` : ''}` }))));
    $('compare-rule').textContent = c.interval_rule;
    $('comparison').hidden = false;
  } catch (e) {
    notice(e.message);
  }
}

function init() {
  $('start').addEventListener('submit', start);
  $('compare').addEventListener('click', compare);
  $('reload').addEventListener('click', loadReports);
  Promise.all([loadChoices(), loadReports()]).finally(() => { document.body.dataset.ready = 'true'; });
}

init();
