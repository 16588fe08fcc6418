/* One country in depth: a cycle's phase history, open tasks, matrix progress, meetings and links onwards. */
import { $, api, el, formatDate, params, start, t } from '/ui/uprflow.js';
import * as DashboardCharts from './charts.js';

(async () => {
  const query = params();
  const code = (query.get('code') || '').toUpperCase();

  await start('dashboard');
  document.title = t('page.dashboard.title');
  $('cycle-choice').cycle.addEventListener('change', event => show(event.target.value));
  await show(query.get('cycle'));
  document.body.dataset.ready = 'true';

  async function show(cycle) {
    let country;
    try {
      country = await api('GET', `/api/dashboard/countries/${encodeURIComponent(code)}` + (cycle ? `?cycle=${encodeURIComponent(cycle)}` : ''));
    } catch (problem) {
      $('problem').textContent = problem.detail || problem.title || problem.message;
      $('problem').hidden = false;
      $('content').hidden = true;
      return;
    }
    history.replaceState(null, '', `?code=${country.code}` + (country.cycle ? `&cycle=${country.cycle.number}` : ''));
    $('country-name').textContent = country.name;
    $('cycle-choice').cycle.replaceChildren(...country.cycles.map(c =>
      el('option', { value: c.number, selected: country.cycle && c.number === country.cycle.number }, `${c.businessKey} · ${formatDate(c.reviewDate)}`)));
    $('phase').replaceChildren(country.phase ? el('span', { class: 'badge current' }, t('page.dashboard.phase.' + country.phase))
      : el('span', { class: 'muted' }, t('page.dashboard.no-cycle')));
    links(country.links);
    phaseHistory(country.timeline);
    tasks(country);
    matrix(country.matrix);
    meetings(country.meetings);
    $('content').hidden = false;
  }

  function links(links) {
    const items = [['tasklist', links.tasklist], ['cockpit', links.cockpit], ['register', links.register], ['report', links.report]]
      .filter(([, href]) => href)
      .map(([key, href]) => el('li', {}, el('a', { href }, t('page.dashboard.country.link.' + key))));
    $('links').replaceChildren(...items);
  }

  function phaseHistory(steps) {
    $('history').tBodies[0].replaceChildren(...steps.map(step => el('tr', { class: step.state },
      el('td', {}, t('page.dashboard.phase.' + step.phase)),
      el('td', {}, el('span', { class: 'badge ' + { DONE: 'done', CURRENT: 'current' }[step.state] }, t('page.dashboard.state.' + step.state))),
      el('td', {}, formatDate(step.started)),
      el('td', {}, formatDate(step.ended), step.beforePlatform ? el('span', { class: 'muted' }, ' · ' + t('page.dashboard.timeline.before-platform')) : ''),
      el('td', {}, formatDate(step.plannedBy)))));
  }

  function tasks(country) {
    $('task-summary').textContent = t('page.dashboard.country.task-summary', country.tasks.open, country.tasks.overdue);
    $('tasks').tBodies[0].replaceChildren(...country.openTasks.map(task => el('tr', { class: task.overdue ? 'overdue' : null },
      el('td', {}, el('a', { href: task.tasklist, title: t('page.dashboard.country.open') }, task.name)),
      el('td', {}, task.businessKey || ''),
      el('td', {}, task.roles.map(role => t('page.dashboard.role.' + role)).join(', ')),
      el('td', {}, task.assignee || el('span', { class: 'muted' }, t('page.dashboard.country.unassigned'))),
      el('td', {}, formatDate(task.due), task.overdue ? [' ', el('span', { class: 'badge overdue' }, t('page.dashboard.country.overdue'))] : ''))));
  }

  function matrix(progress) {
    const overall = progress && progress.overall;
    $('matrix-summary').textContent = overall
      ? t('page.dashboard.matrix.version', overall.version,
        t('page.report.matrix.' + overall.versionStatus), overall.entries) : t('page.dashboard.matrix.none');
    const none = t('page.dashboard.country.no-institution');
    $('by-theme').replaceChildren(...(overall ? [DashboardCharts.statusByGroup(progress.byTheme, none,
      t('page.dashboard.country.by-theme'))] : []));
    $('by-institution').replaceChildren(...(overall ? [DashboardCharts.statusByGroup(progress.byInstitution, none,
      t('page.dashboard.country.by-institution'))] : []));
  }

  function meetings(held) {
    $('attendance').replaceChildren(held.length ? DashboardCharts.attendance(held)
      : el('p', { class: 'muted' }, t('page.dashboard.meetings.none')));
    const count = value => el('td', { class: 'number' }, value ?? '–');
    $('meetings').tBodies[0].replaceChildren(...held.map(m => el('tr', {},
      el('td', {}, t('page.dashboard.meeting.' + m.kind), m.matrixRound ? ' (' + t('page.dashboard.country.round', m.matrixRound) + ')' : '',
        m.organisers ? el('div', { class: 'muted' }, t('page.dashboard.country.organisers') + ': ' + m.organisers) : '',
        m.agreed ? el('div', { class: 'muted' }, t('page.dashboard.country.agreed') + ': ' + m.agreed) : ''),
      el('td', {}, formatDate(m.heldOn)), el('td', {}, m.place || ''),
      count(m.csoAttendance), count(m.governmentAttendance), count(m.nhriAttendance))));
  }
})();
