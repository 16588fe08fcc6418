// The mid-term report page: the report of a country's cycle as /api compiles it (a draft) or
// keeps it (published), its PDF and CSV, and the programme manager's publish button.
'use strict';

const STATUSES = ['FULLY_IMPLEMENTED', 'PARTIALLY_IMPLEMENTED', 'IN_PROCESS', 'LITTLE_OR_NO_ACTION', 'NOT_STARTED', 'none'];
const COUNT_FIELDS = ['fullyImplemented', 'partiallyImplemented', 'inProcess', 'littleOrNoAction', 'notStarted', 'notInMatrix'];
const $ = (id) => document.getElementById(id);
const t = (key, ...args) => UprFlow.t(key, ...args);
const base = (country, cycle) => `/api/countries/${encodeURIComponent(country)}/cycles/${encodeURIComponent(cycle)}`;

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function row(cells, header) {
  const tr = el('tr');
  for (const cell of cells) {
    const td = el(header ? 'th' : 'td', cell instanceof Node ? null : cell);
    if (cell instanceof Node) td.append(cell);
    tr.append(td);
  }
  return tr;
}

/** 2017-07-03T09:30:00Z as 2017-07-03 09:30 (UTC): a report is read in many time zones. */
function when(iso) {
  return iso ? iso.replace('T', ' ').slice(0, 16) + ' UTC' : '';
}

const status = (value) => t('page.report.status.' + (value || 'none'));

function showProblem(problem) {
  $('problem').textContent = problem.detail || problem.title || String(problem);
}

/** The country's cycles to choose from, on {@code selected} or else the one where the caller has work. */
async function loadCycles(country, selected) {
  const cycles = await UprFlow.api('GET', `/api/countries/${encodeURIComponent(country)}/cycles`);
  if (!selected) selected = await UprFlow.cycleWithWork(country);
  $('cycle').replaceChildren(...cycles.map((c) =>
    new Option(`${c.cycleNumber} (${c.businessKey})`, c.cycleNumber, false, String(c.cycleNumber) === String(selected))));
}

async function open(country, cycle) {
  $('problem').textContent = '';
  $('loading').hidden = false;
  try {
    history.replaceState(null, '', `?country=${encodeURIComponent(country)}&cycle=${encodeURIComponent(cycle)}`);
    render(await UprFlow.api('GET', base(country, cycle) + '/report'));
  } catch (problem) {
    $('report').hidden = true;
    showProblem(problem);
  } finally {
    $('loading').hidden = true;
  }
}

function render(r) {
  const path = base(r.countryCode, r.cycleNumber);
  const draft = r.state === 'DRAFT';
  $('state').className = 'state ' + (draft ? 'draft' : 'published');
  $('state').dataset.state = r.state;
  $('state-line').textContent = draft ? t('page.report.draft', when(r.compiledAt))
    : t('page.report.published', r.publishedOn || when(r.publishedAt), r.publishedBy);
  $('state-explain').textContent = t(draft ? 'page.report.draft.explain' : 'page.report.published.explain');
  $('title').textContent = `${t('page.report.title')}: ${r.countryName} (${r.businessKey})`;
  $('cycle-line').textContent = t('page.report.cycle', r.cycleNumber, r.wgSession, r.reviewDate)
    + (r.outcomeAdoptedOn ? ' · ' + t('page.report.adopted-on', r.outcomeAdoptedOn) : '');
  $('matrix-line').textContent = r.matrix
    ? t('page.report.matrix', r.matrix.version, t('page.report.matrix.' + r.matrix.status))
      + (r.matrix.finalisedOn ? ' · ' + t('page.report.matrix.finalised-on', r.matrix.finalisedOn) : '')
    : t('page.report.matrix.none');
  $('draft-reason').textContent = r.draftReason ? t('page.report.draft-reason', r.draftReason) : '';
  $('pdf').href = path + '/report.pdf';
  $('csv').href = path + '/matrix.csv';
  $('publish').hidden = !draft;
  $('publish').disabled = !r.publishable;
  $('publish').onclick = () => publish(path, r.matrix);
  $('publish-note').textContent = draft && !r.publishable ? t('page.report.publish.unavailable') : '';

  $('count').textContent = t('page.report.recommendations.count', r.recommendations.length);
  $('positions').textContent = t('page.report.positions', r.positions.supported, r.positions.noted, r.positions.none);
  renderTotals(r.totals);
  renderThemes(r.themes);
  $('entries').replaceChildren(...r.entries.map(renderEntry));
  $('recommendations').tBodies[0].replaceChildren(row(['#', t('page.report.recommendations'),
    t('page.report.position'), t('page.report.status')], true),
  ...r.recommendations.map((rec) => row([rec.citation ?? rec.ordinal, `${rec.text} (${rec.recommendingState})`,
    t('page.report.position.' + (rec.position || 'none')), status(rec.status)])));
  $('contributions').replaceChildren(...r.contributions.map((c) => el('li', c.completedAt
    ? t('page.report.contribution', t('page.report.side.' + c.side), c.completedBy || '', c.submittedOn || when(c.completedAt),
      c.fullyImplemented, c.partiallyImplemented, c.link || '')
    : `${t('page.report.side.' + c.side)}: ${t('page.report.contribution.open')}`)));
  renderMeetings(r.meetings);
  $('happened').replaceChildren(...r.timeline.happened.map((s) =>
    el('li', `${s.startedOn || when(s.startedAt)} → ${s.endedOn || (s.endedAt ? when(s.endedAt) : t('page.report.running'))}: ${
      s.beforePlatform ? `${t('page.dashboard.phase.' + s.name)} (${t('page.dashboard.timeline.before-platform')})`
        : s.name || s.activityId}`)));
  $('planned').replaceChildren(...r.timeline.planned.map((d) =>
    el('li', `${d.due.slice(0, 10)}: ${t('page.report.due.' + d.name)}`)));
  $('report').hidden = false;
}

function renderTotals(totals) {
  const all = COUNT_FIELDS.reduce((sum, field) => sum + totals[field], 0) || 1;
  $('totals-bar').replaceChildren(...STATUSES.map((s, i) => {
    const part = el('span', null, 's-' + s);
    part.style.width = (100 * totals[COUNT_FIELDS[i]] / all) + '%';
    part.title = `${status(s === 'none' ? null : s)}: ${totals[COUNT_FIELDS[i]]}`;
    return part;
  }));
  $('totals-bar').setAttribute('aria-label', STATUSES.map((s, i) => `${status(s === 'none' ? null : s)}: ${totals[COUNT_FIELDS[i]]}`).join(', '));
  $('totals').replaceChildren(...STATUSES.map((s, i) => {
    const item = el('li', `${status(s === 'none' ? null : s)}: ${totals[COUNT_FIELDS[i]]}`, 's-' + s);
    item.dataset.status = s;
    return item;
  }));
}

function renderThemes(themes) {
  const table = $('themes');
  table.tHead.replaceChildren(row([t('page.report.theme'), ...STATUSES.map((s) => status(s === 'none' ? null : s)),
    t('page.report.total')], true));
  table.tBodies[0].replaceChildren(...themes.map((theme) => row([theme.theme,
    ...COUNT_FIELDS.map((field) => theme.counts[field]), COUNT_FIELDS.reduce((sum, f) => sum + theme.counts[f], 0)])));
}

function renderEntry(entry) {
  const box = el('div', null, 'entry');
  box.append(el('h3', `${entry.themeCluster} — ${status(entry.status)}`));
  const fields = el('dl');
  for (const [key, value] of [['goal', entry.goal], ['actions', entry.actions], ['indicators', entry.indicators],
    ['institution', entry.responsibleInstitution], ['timeline', entry.timeline],
    ['recommendations', (entry.citations ?? entry.recommendations).join(', ')]]) {
    if (value) fields.append(el('dt', t('page.report.entry.' + key)), el('dd', value));
  }
  box.append(fields);
  const notes = el('div', null, 'notes');
  for (const [heading, list] of [['page.report.reports', entry.reports], ['page.report.assessments', entry.assessments]]) {
    const column = el('div');
    column.append(el('h4', t(heading)));
    for (const note of list) {
      column.append(el('p', t('page.report.note', t('page.report.side.' + note.authorRole), note.author, when(note.at),
        status(note.status)), 'note'), el('blockquote', note.text));
    }
    notes.append(column);
  }
  box.append(notes);
  return box;
}

function renderMeetings(meetings) {
  const body = $('meetings').tBodies[0];
  if (!meetings.length) {
    body.replaceChildren(row([t('page.report.meetings.none')]));
    return;
  }
  body.replaceChildren(row([t('page.report.meetings.held-on'), t('page.report.meetings'), t('page.report.side.CSO'), t('page.report.side.GOVERNMENT'),
    t('page.report.side.NHRI')], true), ...meetings.map((m) => row([m.heldOn,
    meetingCell(m), m.cso ?? '', m.government ?? '', m.nhri ?? ''])));
}

/** What the meeting was, where, who organised it, what it agreed and its documents (as links). */
function meetingCell(m) {
  const cell = el('div', t('page.report.meeting.' + m.kind) + (m.round ? ' ' + m.round : '') + (m.place ? ` · ${m.place}` : ''));
  if (m.organisers) cell.append(el('div', t('page.report.meeting.organisers', m.organisers)));
  if (m.agreed) cell.append(el('div', t('page.report.meeting.agreed', m.agreed)));
  if (m.documents && m.documents.length) {
    const links = el('div', t('page.report.meeting.documents') + ': ');
    m.documents.forEach((href, i) => {
      const a = el('a', href);
      a.href = href;
      links.append(i ? ' · ' : '', a);
    });
    cell.append(links);
  }
  return cell;
}

// On a matrix that is not final the server wants the reason, which the report then prints.
async function publish(path, matrix) {
  let body;
  if (matrix && matrix.status === 'FINAL') {
    if (!confirm(t('page.report.publish.confirm'))) return;
  } else {
    const reason = prompt(t('page.report.publish.draft-reason'));
    if (reason === null) return;
    body = { draftReason: reason };
  }
  $('publish').disabled = true;
  try {
    render(await UprFlow.api('POST', path + '/report/publication', body));
    $('publish-note').textContent = t('page.report.publish.done');
  } catch (problem) {
    showProblem(problem);
    $('publish').disabled = false;
  }
}

async function start() {
  await UprFlow.start('report');
  const params = new URLSearchParams(location.search);
  const countries = await UprFlow.api('GET', '/api/countries');
  $('country').replaceChildren(...countries.map((c) =>
    new Option(`${c.name} (${c.code})`, c.code, false, c.code === (params.get('country') || '').toUpperCase())));
  $('country').addEventListener('change', () => loadCycles($('country').value).catch(showProblem));
  $('choose').addEventListener('submit', (event) => {
    event.preventDefault();
    open($('country').value, $('cycle').value);
  });
  if ($('country').value) {
    await loadCycles($('country').value, params.get('cycle'));
  }
  if (params.get('country') && params.get('cycle')) {
    await open(params.get('country'), params.get('cycle'));
  }
  document.body.dataset.ready = 'true';
}

start().catch(showProblem);
