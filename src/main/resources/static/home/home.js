/*
 * Where a participant lands after the login: their open tasks across their countries and cycles, earliest
 * due first, each with a link into Tasklist and the register of its cycle. Managers and admins land on the
 * dashboard (the server says where, GET /api/landing); "?view=tasks" keeps them here for their own tasks.
 */
import { $, api, el, failed, formatDate, params, start, t } from '/ui/uprflow.js';

(async () => {
  let landing;
  try {
    await start('home');
    landing = await api('GET', '/api/landing');
  } catch (problem) {
    if (problem && problem.status !== 401) failed(problem);
    return;
  }
  if (landing.destination === 'DASHBOARD' && params().get('view') !== 'tasks') {
    location.replace('/dashboard/');
    return;
  }
  document.title = t('page.home.title');

  const language = document.documentElement.lang || 'en';
  const regions = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([language], { type: 'region' }) : null;
  const countryName = (code) => {
    try {
      return (code && regions && regions.of(code)) || code || '';
    } catch (notARegion) {
      return code;
    }
  };

  const tasks = landing.tasks;
  const overdue = tasks.filter((task) => task.overdue).length;
  const first = tasks.find((task) => task.due);
  let summary;
  if (landing.total === 0) {
    summary = t('page.home.none');
  } else if (landing.total === 1) {
    summary = first ? t('page.home.one', formatDate(first.due)) : t('page.home.one-undated');
  } else {
    summary = first ? t('page.home.many', landing.total, formatDate(first.due)) : t('page.home.many-undated', landing.total);
  }
  if (overdue > 0) summary += ' ' + t('page.home.overdue-summary', overdue);
  $('summary').textContent = summary;

  if (tasks.length > 0) {
    $('tasks').querySelector('tbody').replaceChildren(...tasks.map(row));
    $('tasks').hidden = false;
  }
  if (landing.total > tasks.length) {
    $('more').textContent = t('page.home.more', tasks.length, landing.total);
    $('more').hidden = false;
  }
  document.body.dataset.ready = 'true';

  function row(task) {
    const due = task.due
      ? el('td', {}, el('time', { datetime: task.due }, formatDate(task.due)),
        task.overdue ? [' ', el('span', { class: 'badge overdue' }, t('page.home.overdue'))] : null)
      : el('td', { class: 'muted' }, t('page.home.no-due'));
    const links = el('td', { class: 'links' },
      el('a', { href: task.tasklistUrl, 'aria-label': t('page.home.open-task', task.name) }, t('page.home.open')),
      task.registerUrl ? [' · ', el('a', { href: task.registerUrl }, t('page.home.register', task.cycle))] : null);
    return el('tr', { class: task.overdue ? 'overdue' : null, dataset: { task: task.id } },
      el('td', {}, countryName(task.countryCode)),
      el('td', {}, task.cycle || ''),
      el('th', { scope: 'row' }, task.name),
      due,
      links);
  }
})();
