// The register page: plain JavaScript against /api, which the browser calls with the credentials
// it was asked for when it opened this page (the same users and rules as every other /api call).
'use strict';

const PAGE_SIZE = 50;
const params = new URLSearchParams(location.search);
const state = { country: params.get('country') || '', cycle: params.get('cycle') || '', page: 0 };

const $ = (id) => document.getElementById(id);
const base = () => `/api/countries/${encodeURIComponent(state.country)}/cycles/${encodeURIComponent(state.cycle)}`;

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : text;
  return td;
}

async function api(path, options = {}) {
  const response = await fetch(base() + path, { credentials: 'same-origin', ...options });
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw Object.assign(new Error(body?.detail || response.statusText), { body, status: response.status });
  }
  return body;
}

function showProblem(error) {
  const listed = error.body?.problems?.map((p) => `${p.row ? 'row ' + p.row : 'file'}${p.column ? ', ' + p.column : ''}: ${p.message}`);
  $('problems').textContent = [error.message, ...(listed || [])].join('\n');
}

async function loadRecommendations() {
  const filters = new FormData($('filters'));
  const query = new URLSearchParams({ page: state.page, size: PAGE_SIZE });
  for (const [name, value] of filters) {
    if (value) query.set(name, value);
  }
  const page = await api(`/recommendations?${query}`);
  const rows = page.items.map((r) => {
    const tr = document.createElement('tr');
    tr.append(cell(r.ordinal), cell(r.text), cell(r.recommendingState), cell(r.themes.join('; ')), cell(r.actionCategory));
    const select = document.createElement('select');
    for (const value of ['', 'SUPPORTED', 'NOTED']) {
      select.add(new Option(value || 'none yet', value, false, (r.position || '') === value));
    }
    select.addEventListener('change', () => setPosition(r, select));
    const td = document.createElement('td');
    td.append(select);
    tr.append(td);
    return tr;
  });
  $('recommendations').replaceChildren(...rows);
  $('total').textContent = `(${page.total})`;
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  $('page').textContent = `page ${page.page + 1} of ${pages}`;
  $('previous').disabled = page.page === 0;
  $('next').disabled = page.page + 1 >= pages;
  const missing = await api('/recommendations/missing-positions');
  $('missing').textContent = missing.missing ? `${missing.missing} without a position` : '';
}

async function setPosition(recommendation, select) {
  try {
    const changed = await api(`/recommendations/${recommendation.id}/position`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${recommendation.version}"` },
      body: JSON.stringify({ position: select.value || null }),
    });
    recommendation.version = changed.version;
    $('problems').textContent = '';
  } catch (error) {
    showProblem(error);
    select.value = recommendation.position || '';
  }
}

async function loadMatrix() {
  const versions = await api('/matrix/versions');
  if (versions.length === 0) {
    $('matrix-version').textContent = '(no version yet)';
    $('matrix').replaceChildren();
    return;
  }
  const latest = versions[versions.length - 1];
  const view = await api(`/matrix/versions/${latest.number}`);
  $('matrix-version').textContent = `(version ${latest.number}, ${latest.status.toLowerCase()})`;
  $('matrix').replaceChildren(...view.entries.map((e) => {
    const tr = document.createElement('tr');
    tr.append(cell(e.themeCluster), cell(e.goal), cell(e.actions), cell(e.indicators), cell(e.responsibleInstitution),
      cell(e.timeline), cell(e.status), cell(e.recommendationIds.length));
    return tr;
  }));
}

async function load() {
  if (!state.country || !state.cycle) return;
  history.replaceState(null, '', `?country=${state.country}&cycle=${state.cycle}`);
  try {
    await Promise.all([loadRecommendations(), loadMatrix()]);
  } catch (error) {
    showProblem(error);
  }
}

$('cycle').country.value = state.country;
$('cycle').cycle.value = state.cycle;
$('cycle').addEventListener('submit', (event) => {
  event.preventDefault();
  state.country = event.target.country.value.trim().toUpperCase();
  state.cycle = event.target.cycle.value;
  state.page = 0;
  load();
});
$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  state.page = 0;
  loadRecommendations().catch(showProblem);
});
$('previous').addEventListener('click', () => { state.page--; loadRecommendations().catch(showProblem); });
$('next').addEventListener('click', () => { state.page++; loadRecommendations().catch(showProblem); });
$('import').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const summary = await api('/recommendations/import', { method: 'POST', body: new FormData(event.target) });
    $('problems').textContent = `${summary.imported} recommendations imported.`;
    state.page = 0;
    await loadRecommendations();
  } catch (error) {
    showProblem(error);
  }
});
load();
