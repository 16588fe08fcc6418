// The register page of a country's cycle: recommendations (filtered and paged on the server),
// the implementation matrix in versions, progress reports and assessments, the audit trail.
// Built on the page kit (/ui/uprflow.js): the Tasklist login, the XSRF header, the texts.
'use strict';

const PAGE_SIZE = 25;
const AUDIT_PAGE_SIZE = 50;
const STATUSES = ['FULLY_IMPLEMENTED', 'PARTIALLY_IMPLEMENTED', 'IN_PROCESS', 'LITTLE_OR_NO_ACTION', 'NOT_STARTED'];
const VIEWS = ['register', 'matrix', 'progress', 'audit'];

const $ = (id) => document.getElementById(id);
const t = (key, ...args) => UprFlow.t(key, ...args);

const state = {
  session: null,
  country: '',
  cycle: '',
  view: 'register',
  page: 0,
  auditPage: 0,
  permissions: {},
  versions: [],
  version: null, // the matrix version shown, with its rows
  editing: null, // what a dialog edits: {kind, item}
};

// ---- small helpers ---------------------------------------------------------------------------

/** The kit's element builder, with the text as an attribute for brevity. */
const el = (tag, { text, ...attributes } = {}, ...children) => UprFlow.el(tag, attributes, text ?? null, ...children);

const base = () => `/api/countries/${encodeURIComponent(state.country)}/cycles/${encodeURIComponent(state.cycle)}`;
const list = (text) => (text || '').split(';').map((value) => value.trim()).filter(Boolean);
const when = (iso) => (iso ? new Date(iso).toLocaleString(document.documentElement.lang || undefined,
  { dateStyle: 'medium', timeStyle: 'short' }) : '');
const statusText = (status) => (status ? t(`page.register.status.${status}`) : '');
const positionText = (position) => t(`page.register.position.${position || 'NONE'}`);

/** Numbers such as "3, 7, 12-15" as [3, 7, 12, 13, 14, 15]; null when something is no number. */
function numbers(text) {
  const result = [];
  for (const part of (text || '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = part.match(/^(\d+)\s*-\s*(\d+)$/);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to < from || to - from > 500) return null;
      for (let n = from; n <= to; n++) result.push(n);
    } else if (/^\d+$/.test(part)) {
      result.push(Number(part));
    } else {
      return null;
    }
  }
  return result;
}

/** A matrix row's recommendations as cited: UN paragraph numbers where the register has them, else "3, 7, 12-15". */
function cited(entry) {
  const citations = entry.recommendationCitations || [];
  const byParagraph = citations.some((c, i) => c !== String(entry.recommendationNumbers[i]));
  return byParagraph ? citations.join(', ') : ranges(entry.recommendationNumbers);
}

/** Back to "3, 7, 12-15". */
function ranges(values) {
  const parts = [];
  for (let i = 0; i < values.length; i++) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j] + 1) j++;
    parts.push(j > i + 1 ? `${values[i]}-${values[j]}` : values.slice(i, j + 1).join(', '));
    i = j;
  }
  return parts.join(', ');
}

function say(text, kind = 'info') {
  const message = $('message');
  message.textContent = text || '';
  message.className = text ? kind : '';
}

function problemText(problem) {
  // The server's detail names ids and versions; people are told what happened and what to do.
  if (problem && problem.status === 409) return problem.body?.stale ? t('page.register.conflict') : problem.detail;
  if (problem && problem.status === 403) return t('page.register.forbidden');
  return [problem?.title, problem?.detail].filter(Boolean).join(': ') || String(problem);
}

function fail(problem) {
  say(problemText(problem), 'error');
}

/** A write with If-Match (the version read) through the page kit. */
function write(method, path, body, version) {
  return UprFlow.api(method, path, body, version == null ? {} : { headers: { 'If-Match': `"${version}"` } });
}

function fillStatuses() {
  for (const select of document.querySelectorAll('select[data-statuses]')) {
    for (const status of STATUSES) select.append(new Option(statusText(status), status));
  }
}

// ---- views and the cycle ---------------------------------------------------------------------

function show(view) {
  state.view = VIEWS.includes(view) ? view : 'register';
  for (const panel of document.querySelectorAll('[data-view-panel]')) {
    panel.hidden = panel.dataset.viewPanel !== state.view;
  }
  for (const tab of document.querySelectorAll('.tabs button')) {
    tab.setAttribute('aria-current', tab.dataset.view === state.view ? 'page' : 'false');
  }
  remember();
  return load();
}

function remember() {
  const query = new URLSearchParams({ country: state.country, cycle: state.cycle, view: state.view });
  history.replaceState(null, '', `?${query}`);
}

async function openCycle() {
  if (!state.country || !state.cycle) {
    say(t('page.register.choose'));
    return;
  }
  say('');
  state.page = 0;
  state.auditPage = 0;
  state.version = null;
  state.permissions = await UprFlow.api('GET', `${base()}/matrix/permissions`);
  document.querySelector('[data-view="audit"]').hidden = !state.permissions.readAudit;
  $('register-tools').hidden = !state.permissions.register;
  await Promise.all([loadThemes(), loadVersions()]);
  await show(state.view === 'audit' && !state.permissions.readAudit ? 'register' : state.view);
}

function load() {
  const loaders = { register: loadRecommendations, matrix: loadMatrix, progress: loadProgressView, audit: loadAudit };
  return loaders[state.view]().catch(fail);
}

// ---- the register ----------------------------------------------------------------------------

async function loadThemes() {
  const themes = await UprFlow.api('GET', `${base()}/recommendations/themes`);
  const select = $('filters').theme;
  const chosen = select.value;
  select.replaceChildren(new Option(t('page.register.any'), ''),
    ...themes.map((theme) => new Option(`${theme.theme} (${theme.recommendations})`, theme.theme)));
  select.value = chosen;
}

async function loadRecommendations() {
  const query = new URLSearchParams({ page: state.page, size: PAGE_SIZE });
  for (const [name, value] of new FormData($('filters'))) {
    if (value) query.set(name, value);
  }
  const [page, missing, origins] = await Promise.all([
    UprFlow.api('GET', `${base()}/recommendations?${query}`),
    UprFlow.api('GET', `${base()}/recommendations/missing-positions`),
    UprFlow.api('GET', `${base()}/recommendations/origins`),
  ]);
  state.origins = new Map(origins.map((o) => [o.id, o]));
  $('recommendations').replaceChildren(...page.items.map(recommendationRow));
  if (page.items.length === 0) {
    $('recommendations').append(el('tr', {}, el('td', { colspan: 6, text: t('page.register.none') })));
  }
  $('register-summary').textContent = t('page.register.summary', page.total, missing.missing);
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  $('page-of').textContent = t('page.register.page', page.page + 1, pages);
  $('previous').disabled = page.page === 0;
  $('next').disabled = page.page + 1 >= pages;
}

function recommendationRow(r) {
  const label = (key) => t(`page.register.column.${key}`);
  const tags = [...r.themes, ...r.affectedGroups].map((tag) => el('span', { class: 'tag', text: tag }));
  const position = state.permissions.recordPositions ? positionSelect(r) : el('span', { text: positionText(r.position) });
  const actions = el('td', { 'data-label': label('actions'), class: 'actions' });
  if (state.permissions.register) {
    actions.append(
      el('button', { type: 'button', class: 'secondary', text: t('page.register.edit'), onclick: () => editRecommendation(r) }),
      el('button', { type: 'button', class: 'danger', text: t('page.register.delete'), onclick: () => deleteRecommendation(r) }));
  }
  return el('tr', { 'data-id': r.id },
    el('td', { 'data-label': label('number'), text: r.citation ?? r.ordinal }),
    el('td', { 'data-label': label('text') }, el('div', { text: r.text }), el('div', { class: 'tags' }, ...tags),
      originOf(r)),
    el('td', { 'data-label': label('state'), text: (r.recommendingStates || [r.recommendingState]).join(', ') }),
    el('td', { 'data-label': label('category'), text: r.actionCategory ?? '' }),
    el('td', { 'data-label': label('position') }, position),
    actions);
}

/** For a recommendation carried over from the previous cycle: which one it continues ("from KE-4, no. 12"). */
function originOf(r) {
  const origin = state.origins && state.origins.get(r.id);
  if (!origin) return '';
  return el('div', { class: 'origin muted', text: t('page.register.carried-from',
    `${state.country.toUpperCase()}-${origin.carriedFromCycle}`, origin.carriedFromNumber) });
}

/** A programme manager starts an empty register from the previous cycle's recommendations still open. */
async function carryOver() {
  if (!confirm(t('page.register.carry-over.confirm'))) return;
  try {
    const done = await UprFlow.api('POST', `${base()}/recommendations/carry-over`);
    say(t('page.register.carry-over.done', done.carriedOver, done.from), 'ok');
    await loadThemes();
    await loadRecommendations();
  } catch (problem) {
    fail(problem);
  }
}

function positionSelect(r) {
  const select = el('select', { 'aria-label': t('page.register.column.position'), name: 'position' });
  for (const value of ['', 'SUPPORTED', 'SUPPORTED_IN_PART', 'NOTED']) {
    select.add(new Option(positionText(value), value, false, (r.position || '') === value));
  }
  select.addEventListener('change', async () => {
    try {
      const changed = await write('PUT', `${base()}/recommendations/${r.id}/position`,
        { position: select.value || null }, r.version);
      Object.assign(r, changed);
      say(t('page.register.saved'), 'ok');
      await loadRecommendations();
    } catch (problem) {
      select.value = r.position || '';
      fail(problem);
    }
  });
  return select;
}

function recommendationForm(r) {
  const form = $('recommendation-form');
  form.reset();
  $('recommendation-heading').textContent = r ? t('page.register.edit-heading', r.ordinal) : t('page.register.add');
  if (r) {
    for (const name of ['text', 'recommendingState', 'sourceReference']) form[name].value = r[name] || '';
    form.session.value = r.session ?? '';
    form.actionCategory.value = r.actionCategory ?? '';
    form.position.value = r.position || '';
    form.themes.value = r.themes.join('; ');
    form.affectedGroups.value = r.affectedGroups.join('; ');
    form.sdgTargets.value = r.sdgTargets.join('; ');
  }
  UprFlow.clearErrors(form);
  state.editing = { kind: 'recommendation', item: r };
  $('recommendation-dialog').showModal();
}

const addRecommendation = () => recommendationForm(null);
const editRecommendation = (r) => recommendationForm(r);

async function saveRecommendation(form) {
  const fields = {
    text: form.text.value.trim(),
    recommendingState: form.recommendingState.value.trim(),
    session: form.session.value ? Number(form.session.value) : null,
    actionCategory: form.actionCategory.value ? Number(form.actionCategory.value) : null,
    position: form.position.value || null,
    themes: list(form.themes.value),
    affectedGroups: list(form.affectedGroups.value),
    sdgTargets: list(form.sdgTargets.value),
    sourceReference: form.sourceReference.value.trim() || null,
  };
  const r = state.editing.item;
  if (r) await write('PUT', `${base()}/recommendations/${r.id}`, fields, r.version);
  else await UprFlow.api('POST', `${base()}/recommendations`, fields);
  say(t('page.register.saved'), 'ok');
  await Promise.all([loadRecommendations(), loadThemes()]);
}

async function deleteRecommendation(r) {
  if (!confirm(t('page.register.delete-confirm', r.ordinal))) return;
  try {
    await write('DELETE', `${base()}/recommendations/${r.id}`, null, r.version);
    say(t('page.register.deleted', r.ordinal), 'ok');
    await loadRecommendations();
  } catch (problem) {
    fail(problem);
  }
}

// ---- import: upload, preview, mapping, confirmation ----------------------------------------------

const ENCODINGS = ['UTF-8', 'UTF-16', 'windows-1252', 'x-MacRoman', 'ISO-8859-1'];
const DELIMITERS = [',', ';', '\t', '|'];

/** Uploads the file for a preview: nothing is imported before the user confirms it. */
async function importFile(form) {
  const result = $('import-result');
  result.replaceChildren();
  $('import-preview').replaceChildren();
  try {
    const preview = await UprFlow.api('POST', `${base()}/recommendations/import/previews`, new FormData(form));
    form.reset();
    showPreview(preview);
  } catch (problem) {
    showImportProblems(problem);
  }
}

function showImportProblems(problem) {
  const result = $('import-result');
  result.replaceChildren(el('p', { class: 'error', text: problemText(problem) }));
  const rows = problem.body?.problems || [];
  if (rows.length) result.append(problemTable(rows, problem.body.total ?? rows.length));
}

function problemTable(rows, total) {
  return el('div', {},
    el('p', { class: 'error', text: t('page.register.import.problems', total) }),
    el('table', { class: 'problems' },
      el('thead', {}, el('tr', {},
        el('th', { text: t('page.register.import.row') }), el('th', { text: t('page.register.import.column') }),
        el('th', { text: t('page.register.import.problem') }))),
      el('tbody', {}, ...rows.map((p) => el('tr', {},
        el('td', { text: p.row ?? t('page.register.import.file-level') }), el('td', { text: p.column ?? '' }),
        el('td', { text: p.message }))))));
}

const fieldName = (key) => t(`page.register.import.field.${key}`);
const delimiterName = (d) => (d === '\t' ? t('page.register.import.tab') : d);

/** The preview: how the file was read, its columns with the field each feeds, counts, problems, first rows. */
function showPreview(preview) {
  const box = $('import-preview');
  const path = `${base()}/recommendations/import/previews/${preview.id}`;
  const format = preview.format === 'CSV'
    ? `CSV (${preview.encoding}, ${delimiterName(preview.delimiter)})` : preview.format;
  const options = el('form', { class: 'row', id: 'import-options' });
  if (preview.format === 'CSV') {
    const encoding = el('select', { name: 'encoding' });
    encoding.add(new Option(`${t('page.register.import.detected')}: ${preview.encoding}`, ''));
    for (const name of ENCODINGS) encoding.add(new Option(name, name));
    const delimiter = el('select', { name: 'delimiter' });
    delimiter.add(new Option(`${t('page.register.import.detected')}: ${delimiterName(preview.delimiter)}`, ''));
    for (const d of DELIMITERS) delimiter.add(new Option(delimiterName(d), d));
    options.append(el('label', {}, el('span', { text: t('page.register.import.encoding') }), encoding),
      el('label', {}, el('span', { text: t('page.register.import.delimiter') }), delimiter));
  }
  const mapping = el('tbody');
  for (const column of preview.columns) {
    const select = el('select', { 'data-header': column.header, 'aria-label': column.header });
    select.add(new Option(t('page.register.import.ignore'), ''));
    for (const key of preview.fields) select.add(new Option(fieldName(key), key, false, column.field === key));
    mapping.append(el('tr', {},
      el('td', { text: column.header }), el('td', {}, select),
      el('td', { class: 'examples', text: column.examples.join(' · ') })));
  }
  const reread = el('button', { type: 'button', class: 'secondary', text: t('page.register.import.reread'),
    onclick: () => changePreview(path, options, mapping, preview) });
  const confirmButton = el('button', { type: 'button', id: 'import-confirm',
    text: t('page.register.import.confirm', preview.counts.recommendations),
    disabled: !preview.importable, onclick: () => confirmImport(path) });
  const discard = el('button', { type: 'button', class: 'secondary', text: t('page.register.import.discard'),
    onclick: () => discardPreview(path) });
  const c = preview.counts;
  box.replaceChildren(
    el('p', { text: t('page.register.import.read-as', format, preview.headerRow) }),
    options,
    el('h3', { text: t('page.register.import.mapping') }),
    el('table', { class: 'mapping' },
      el('thead', {}, el('tr', {}, el('th', { text: t('page.register.import.column') }),
        el('th', { text: t('page.register.import.field') }), el('th', { text: t('page.register.import.examples') }))),
      mapping),
    el('p', { class: 'hint', text: preview.notes.join(' ') }),
    el('div', { class: 'row' }, reread),
    el('p', { id: 'import-counts', text: t('page.register.import.counts', c.rowsRead, c.recommendations,
      c.skippedOtherStates, c.skippedOtherCycles, c.skippedOtherBodies, c.mergedRows) }),
    el('p', { text: t('page.register.import.flagged', c.flagged, c.withoutPosition) }),
    preview.problemCount ? problemTable(preview.problems, preview.problemCount) : '',
    el('h3', { text: t('page.register.import.rows') }),
    el('table', { class: 'import-rows' },
      el('thead', {}, el('tr', {}, el('th', { text: t('page.register.import.row') }),
        el('th', { text: t('page.register.column.number') }), el('th', { text: t('page.register.column.text') }),
        el('th', { text: t('page.register.column.state') }), el('th', { text: t('page.register.column.position') }),
        el('th', { text: t('page.register.import.flags') }))),
      el('tbody', {}, ...preview.rows.map((r) => el('tr', {},
        el('td', { text: r.row }), el('td', { text: r.reference ?? '' }),
        el('td', {}, el('div', { text: r.text }),
          el('div', { class: 'tags' }, ...[...r.themes, ...r.affectedPersons].map((tag) => el('span', { class: 'tag', text: tag })))),
        el('td', { text: r.recommendingStates.join(', ') }), el('td', { text: positionText(r.position) }),
        el('td', { text: r.flags.join(' ') }))))),
    el('div', { class: 'row' }, confirmButton, discard));
}

/** Reads the stored file again with the encoding, delimiter and mapping chosen in the page. */
async function changePreview(path, options, mapping, preview) {
  const chosen = {};
  for (const key of preview.fields) chosen[key] = '';
  for (const select of mapping.querySelectorAll('select')) {
    if (select.value) chosen[select.value] = select.dataset.header;
  }
  const body = { mapping: chosen, encoding: options.encoding?.value || null, delimiter: options.delimiter?.value || null };
  try {
    $('import-result').replaceChildren();
    showPreview(await UprFlow.api('PUT', path, body));
  } catch (problem) {
    showImportProblems(problem);
  }
}

async function confirmImport(path) {
  try {
    const summary = await UprFlow.api('POST', `${path}/confirmation`);
    $('import-preview').replaceChildren();
    $('import-result').replaceChildren(el('p', { class: 'ok',
      text: t('page.register.import.done', summary.imported, summary.updated, summary.unchanged, summary.withoutPosition) }));
    state.page = 0;
    await Promise.all([loadRecommendations(), loadThemes()]);
  } catch (problem) {
    showImportProblems(problem);
  }
}

async function discardPreview(path) {
  try {
    await UprFlow.api('DELETE', path);
    $('import-preview').replaceChildren();
    $('import-result').replaceChildren(el('p', { class: 'ok', text: t('page.register.import.discarded') }));
  } catch (problem) {
    showImportProblems(problem);
  }
}

// ---- the matrix ------------------------------------------------------------------------------

async function loadVersions() {
  state.versions = await UprFlow.api('GET', `${base()}/matrix/versions`);
  const label = (v) => t(v.status === 'FINAL' ? 'page.register.matrix.final' : 'page.register.matrix.draft', v.number);
  for (const select of [$('version'), $('compare').from, $('compare').to]) {
    select.replaceChildren(...state.versions.map((v) => new Option(label(v), v.number)));
  }
  const latest = state.versions[state.versions.length - 1];
  if (latest) {
    $('version').value = latest.number;
    $('compare').to.value = latest.number;
    $('compare').from.value = state.versions.length > 1 ? latest.number - 1 : latest.number;
  }
  // A task's form links the version it asks about (&version=3): open that one, once.
  const asked = state.versions.find((v) => String(v.number) === state.askedVersion);
  if (asked) $('version').value = asked.number;
  state.askedVersion = null;
}

async function loadMatrix() {
  const number = $('version').value;
  state.version = number ? await UprFlow.api('GET', `${base()}/matrix/versions/${number}`) : null;
  const version = state.version?.version;
  const latest = state.versions[state.versions.length - 1];
  const draft = version?.status === 'DRAFT';
  const p = state.permissions;
  $('add-entry').hidden = !p.draftMatrix || !(draft || !latest);
  $('start-draft').hidden = !p.draftMatrix || !latest || latest.status !== 'FINAL';
  $('agree-form').hidden = !p.agree || !draft;
  $('finalise-form').hidden = !p.finalise || !draft;
  const today = new Date().toISOString().slice(0, 10);
  for (const day of [$('agreed-on'), $('finalised-on')]) {
    day.max = today;
    if (!day.value) day.value = today;
  }
  $('compare').hidden = state.versions.length < 2;
  $('version-status').textContent = version ? versionStatus(version) : t('page.register.matrix.none');
  const entries = state.version?.entries || [];
  $('matrix-empty').hidden = entries.length > 0;
  $('entries').replaceChildren(...entries.map((entry) => entryCard(entry, draft && p.draftMatrix)));
  $('institutions').replaceChildren(...[...new Set(entries.map((e) => e.responsibleInstitution).filter(Boolean))]
    .map((name) => new Option(name)));
}

function versionStatus(v) {
  const parts = [t(v.status === 'FINAL' ? 'page.register.matrix.final' : 'page.register.matrix.draft', v.number)];
  if (v.status === 'FINAL') {
    parts.push(t('page.register.matrix.finalised-by', v.finalisedBy, v.finalisedOn || when(v.finalisedAt)));
  }
  // the day each side states it agreed, else (a version agreed before days were stated) when it was recorded
  if (v.csoAgreedBy) parts.push(t('page.register.matrix.cso-agreed', v.csoAgreedBy, v.csoAgreedOn || when(v.csoAgreedAt)));
  if (v.governmentAgreedBy) {
    parts.push(t('page.register.matrix.government-agreed', v.governmentAgreedBy,
      v.governmentAgreedOn || when(v.governmentAgreedAt)));
  }
  return parts.join(' · ');
}

function entryCard(entry, editable) {
  const field = (key, value) => (value ? el('div', { class: 'field' },
    el('span', { class: 'label', text: t(`page.register.field.${key}`) }), el('span', { text: value })) : null);
  return el('article', { class: 'entry', 'data-key': entry.key },
    el('header', {},
      el('h2', { text: entry.themeCluster }), // the matrix view's sections: right under the page's h1
      el('span', { class: `status status-${entry.status}`, text: statusText(entry.status) })),
    field('goal', entry.goal),
    field('actions', entry.actions),
    field('indicators', entry.indicators),
    field('institution', entry.responsibleInstitution),
    field('timeline', entry.timeline),
    field('recommendations', cited(entry)),
    el('p', { class: 'hint', text: t('page.register.updated', entry.updatedBy, when(entry.updatedAt), entry.version) }),
    editable ? el('button', { type: 'button', class: 'secondary', text: t('page.register.edit'),
      onclick: () => entryForm(entry) }) : null,
    el('button', { type: 'button', class: 'secondary', text: t('page.register.progress.open'),
      onclick: () => { $('progress-entry').dataset.want = entry.key; show('progress'); } }));
}

function entryForm(entry) {
  const form = $('entry-form');
  form.reset();
  UprFlow.clearErrors(form);
  $('entry-reload').hidden = true;
  $('entry-heading').textContent = entry ? t('page.register.matrix.edit-heading', entry.themeCluster)
    : t('page.register.matrix.add');
  fillEntry(form, entry);
  state.editing = { kind: 'entry', item: entry };
  $('entry-dialog').showModal();
}

function fillEntry(form, entry) {
  for (const name of ['themeCluster', 'goal', 'actions', 'indicators', 'responsibleInstitution', 'timeline']) {
    form[name].value = entry?.[name] || '';
  }
  form.status.value = entry?.status || 'NOT_STARTED';
  form.recommendationNumbers.value = ranges(entry?.recommendationNumbers || []);
}

async function saveEntry(form) {
  const linked = numbers(form.recommendationNumbers.value);
  if (linked == null) {
    const message = t('page.register.matrix.numbers-invalid');
    throw new UprFlow.Problem(400, { title: message, errors: { recommendationNumbers: message } });
  }
  const fields = { recommendationNumbers: linked, status: form.status.value };
  for (const name of ['themeCluster', 'goal', 'actions', 'indicators', 'responsibleInstitution', 'timeline']) {
    fields[name] = form[name].value.trim() || null;
  }
  const entry = state.editing.item;
  if (entry) {
    await write('PUT', `${base()}/matrix/versions/${entry.matrixVersion}/entries/${entry.key}`, fields, entry.version);
  } else {
    await UprFlow.api('POST', `${base()}/matrix/entries`, fields);
  }
  say(t('page.register.saved'), 'ok');
  await loadVersions();
  await loadMatrix();
}

/** After a 409: the row as the other person saved it, so the user can make their change again. */
async function reloadEntry() {
  const entry = state.editing.item;
  const view = await UprFlow.api('GET', `${base()}/matrix/versions/${entry.matrixVersion}`);
  const current = view.entries.find((e) => e.key === entry.key);
  state.editing.item = current;
  fillEntry($('entry-form'), current);
  $('entry-reload').hidden = true;
  UprFlow.clearErrors($('entry-form'));
  await loadMatrix();
}

/**
 * The side's agreement to the draft shown (agreement), or the programme manager's finalisation of an
 * agreement reached outside the platform (finalise), on the day the form states; the server applies
 * the rules and names the field.
 */
async function onStatedDay(form, action) {
  UprFlow.clearErrors(form);
  const number = $('version').value;
  const day = form.querySelector('input[type=date]');
  if (action === 'finalise' && !confirm(t('page.register.matrix.finalise-confirm', number))) return;
  try {
    await UprFlow.api('POST', `${base()}/matrix/versions/${number}/${action}`, { [day.name]: day.value || null });
    say(t('page.register.saved'), 'ok');
    await loadVersions();
    await loadMatrix();
  } catch (problem) {
    if (!UprFlow.showErrors(form, problem)) fail(problem);
  }
}

/** The next draft: a copy of the last final version. */
async function startDraft() {
  try {
    await UprFlow.api('POST', `${base()}/matrix/versions`);
    say(t('page.register.saved'), 'ok');
    await loadVersions();
    await loadMatrix();
  } catch (problem) {
    fail(problem);
  }
}

async function compare(form) {
  const result = await UprFlow.api('GET', `${base()}/matrix/compare?from=${form.from.value}&to=${form.to.value}`);
  const out = $('comparison');
  out.replaceChildren(el('h3', { text: t('page.register.compare.heading', result.from, result.to) }));
  const value = (name, v) => {
    if (name === 'status') return statusText(v);
    if (Array.isArray(v)) return ranges(v);
    return v ?? '';
  };
  const changes = [
    ...result.added.map((e) => el('li', { class: 'added', text: t('page.register.compare.added', e.themeCluster) })),
    ...result.removed.map((e) => el('li', { class: 'removed', text: t('page.register.compare.removed', e.themeCluster) })),
    ...result.changed.map((c) => el('li', {}, el('strong', { text: c.themeCluster }), el('ul', {},
      ...Object.entries(c.fields).map(([name, change]) => el('li', {},
        el('span', { class: 'label', text: `${t(`page.register.compare.field.${name}`)}: ` }),
        el('del', { text: value(name, change.before) }), ' → ', el('ins', { text: value(name, change.after) })))))),
  ];
  out.append(changes.length ? el('ul', { class: 'changes' }, ...changes)
    : el('p', { text: t('page.register.compare.same') }));
}

// ---- progress --------------------------------------------------------------------------------

async function loadProgressView() {
  const latest = state.versions[state.versions.length - 1];
  const select = $('progress-entry');
  const view = latest ? await UprFlow.api('GET', `${base()}/matrix/versions/${latest.number}`) : { entries: [] };
  const wanted = select.dataset.want || select.value;
  delete select.dataset.want;
  select.replaceChildren(...view.entries.map((e) => new Option(
    `${e.themeCluster}${e.responsibleInstitution ? ` · ${e.responsibleInstitution}` : ''} · ${statusText(e.status)}`, e.key)));
  if (wanted && view.entries.some((e) => e.key === wanted)) select.value = wanted;
  $('progress').hidden = view.entries.length === 0;
  $('report-form').hidden = !state.permissions.reportProgress;
  $('assessment-form').hidden = !state.permissions.assess;
  if (view.entries.length === 0) {
    say(t('page.register.matrix.empty'));
    return;
  }
  await loadProgress();
}

async function loadProgress() {
  const key = $('progress-entry').value;
  if (!key) return;
  const progress = await UprFlow.api('GET', `${base()}/matrix/entries/${key}/progress`);
  const note = (n) => el('li', {},
    el('p', { text: n.text }),
    el('p', { class: 'hint', text: t('page.register.progress.by', n.createdBy, t(`page.register.role.${n.authorRole}`),
      when(n.createdAt), statusText(n.status) || '–') }));
  $('reports').replaceChildren(...progress.reports.map(note));
  $('assessments').replaceChildren(...progress.assessments.map(note));
  if (!progress.reports.length) $('reports').append(el('li', { class: 'hint', text: t('page.register.progress.none') }));
  if (!progress.assessments.length) {
    $('assessments').append(el('li', { class: 'hint', text: t('page.register.progress.none') }));
  }
}

async function addNote(form, path) {
  UprFlow.clearErrors(form);
  try {
    await UprFlow.api('POST', `${base()}/matrix/entries/${$('progress-entry').value}/${path}`,
      { text: form.text.value.trim(), status: form.status.value || null });
    form.reset();
    say(t('page.register.saved'), 'ok');
    await loadProgress();
  } catch (problem) {
    UprFlow.showErrors(form, problem);
  }
}

// ---- audit -----------------------------------------------------------------------------------

/** An audit action in words; an action of another feature without words here stays as it is. */
function actionText(action) {
  const key = `page.register.audit.action.${action}`;
  const text = t(key);
  return text === key ? action : text;
}

async function loadAudit() {
  const events = await UprFlow.api('GET',
    `/api/countries/${encodeURIComponent(state.country)}/audit?cycle=${state.cycle}&page=${state.auditPage}&size=${AUDIT_PAGE_SIZE}`);
  const label = (key) => t(`page.register.audit.${key}`);
  $('audit').replaceChildren(...events.map((e) => el('tr', {},
    el('td', { 'data-label': label('when'), text: when(e.occurredAt) }),
    el('td', { 'data-label': label('who'), text: e.actor }),
    el('td', { 'data-label': label('action'), text: actionText(e.action) }),
    el('td', { 'data-label': label('detail'), text: e.detail || '' }))));
  if (!events.length) $('audit').append(el('tr', {}, el('td', { colspan: 4, text: t('page.register.none') })));
  $('audit-page').textContent = t('page.register.audit.page', state.auditPage + 1);
  $('audit-previous').disabled = state.auditPage === 0;
  $('audit-next').disabled = events.length < AUDIT_PAGE_SIZE;
}

// ---- dialogs ---------------------------------------------------------------------------------

/** A dialog's form: Save sends, and keeps the dialog open with the errors next to the fields when refused. */
function dialogForm(form, save) {
  form.addEventListener('submit', async (event) => {
    if (event.submitter?.value === 'cancel') return;
    event.preventDefault();
    UprFlow.clearErrors(form);
    try {
      await save(form);
      form.closest('dialog').close();
    } catch (problem) {
      UprFlow.showErrors(form, problem);
      if (problem.status === 409) {
        const reload = form.querySelector('#entry-reload');
        const stale = problem.body?.stale === true;
        form.querySelector('[data-error-summary]').textContent = `${problemText(problem)} ${
          stale ? t(reload ? 'page.register.conflict.reload-hint' : 'page.register.conflict.reopen-hint') : ''}`;
        if (reload) reload.hidden = !stale;
      }
    }
  });
}

// ---- start -----------------------------------------------------------------------------------

async function start() {
  state.session = await UprFlow.start('register');
  fillStatuses();
  const params = new URLSearchParams(location.search);
  const countries = state.session.countries || [];
  const form = $('cycle');
  form.country.replaceChildren(...countries.map((code) => new Option(code, code)));
  state.country = (params.get('country') || countries[0] || '').toUpperCase();
  state.cycle = params.get('cycle') || '';
  state.view = params.get('view') || 'register';
  state.askedVersion = params.get('version');
  if (state.country && !countries.includes(state.country)) form.country.append(new Option(state.country, state.country));
  form.country.value = state.country;
  form.cycle.value = state.cycle;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.country = form.country.value;
    state.cycle = form.cycle.value;
    remember();
    openCycle().catch(fail);
  });
  for (const tab of document.querySelectorAll('.tabs button')) {
    tab.addEventListener('click', () => state.country && state.cycle && show(tab.dataset.view));
  }
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    state.page = 0;
    loadRecommendations().catch(fail);
  });
  $('clear-filters').addEventListener('click', () => {
    $('filters').reset();
    state.page = 0;
    loadRecommendations().catch(fail);
  });
  $('previous').addEventListener('click', () => { state.page--; loadRecommendations().catch(fail); });
  $('next').addEventListener('click', () => { state.page++; loadRecommendations().catch(fail); });
  $('add-recommendation').addEventListener('click', addRecommendation);
  $('import').addEventListener('submit', (event) => { event.preventDefault(); importFile(event.target); });
  $('carry-over').addEventListener('click', carryOver);
  dialogForm($('recommendation-form'), saveRecommendation);
  dialogForm($('entry-form'), saveEntry);
  $('entry-reload').addEventListener('click', () => reloadEntry().catch(fail));
  $('version').addEventListener('change', () => loadMatrix().catch(fail));
  $('add-entry').addEventListener('click', () => entryForm(null));
  $('start-draft').addEventListener('click', () => startDraft());
  for (const [form, action] of [['agree-form', 'agreement'], ['finalise-form', 'finalise']]) {
    $(form).addEventListener('submit', (event) => {
      event.preventDefault();
      onStatedDay(event.target, action);
    });
  }
  $('compare').addEventListener('submit', (event) => { event.preventDefault(); compare(event.target).catch(fail); });
  $('progress-entry').addEventListener('change', () => loadProgress().catch(fail));
  $('report-form').addEventListener('submit', (event) => { event.preventDefault(); addNote(event.target, 'progress-reports'); });
  $('assessment-form').addEventListener('submit', (event) => { event.preventDefault(); addNote(event.target, 'assessments'); });
  $('audit-previous').addEventListener('click', () => { state.auditPage--; loadAudit().catch(fail); });
  $('audit-next').addEventListener('click', () => { state.auditPage++; loadAudit().catch(fail); });

  form.country.addEventListener('change', async () => {
    form.cycle.value = await UprFlow.cycleWithWork(form.country.value).catch(() => '');
  });
  if (state.country && !state.cycle) state.cycle = form.cycle.value = await UprFlow.cycleWithWork(state.country).catch(() => '');
  if (state.country && state.cycle) await openCycle();
  else say(t('page.register.choose'));
  document.body.dataset.ready = 'true';
}

start().catch(fail);
