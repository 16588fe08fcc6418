// Notices: the caller's own choice (delivery, language, kinds unsubscribed) and, for programme
// managers and admins, what was sent to whom in their countries and what failed.
import { $, api, clearErrors, el, minute, params, showErrors, start, t } from '/ui/uprflow.js';

const DELIVERIES = ['IMMEDIATE', 'DAILY_DIGEST', 'WEEKLY_DIGEST', 'OVERDUE_ONLY'];
const CATEGORIES = ['TASK_AVAILABLE', 'TASK_ASSIGNED', 'DUE_SOON', 'OVERDUE', 'PHASE_COMPLETED', 'MISSING_ADDRESS'];
const STATUSES = ['', 'SENT', 'FAILED', 'PENDING', 'HELD', 'LOGGED', 'NO_ADDRESS', 'DIGESTED'];

function drawChoice(choice) {
  $('delivery').append(...DELIVERIES.map((value) => el('label', {},
    el('input', { type: 'radio', name: 'delivery', value, checked: choice.delivery === value }),
    ' ', t('page.notifications.delivery.' + value))));
  $('language').value = choice.language;
  $('unsubscribed').append(...CATEGORIES.map((value) => el('label', {},
    el('input', { type: 'checkbox', name: 'unsubscribed', value, checked: choice.unsubscribed.includes(value) }),
    ' ', t('page.notifications.category.' + value))));
}

async function save(event) {
  event.preventDefault();
  const form = $('preferences');
  clearErrors(form);
  $('saved').textContent = '';
  try {
    await api('PUT', '/api/notifications/preferences', {
      delivery: form.querySelector('input[name="delivery"]:checked')?.value,
      language: $('language').value,
      unsubscribed: [...form.querySelectorAll('input[name="unsubscribed"]:checked')].map((box) => box.value)
    });
    $('saved').textContent = t('page.notifications.saved');
  } catch (problem) {
    showErrors(form, problem);
  }
}

async function loadOutbox() {
  const query = new URLSearchParams();
  if ($('country').value) query.set('country', $('country').value);
  if ($('status').value) query.set('status', $('status').value);
  const log = await api('GET', '/api/notifications/outbox?' + query);
  $('no-mail-server').hidden = log.mailServerConfigured;
  $('outbox').tBodies[0].replaceChildren(...log.notices.map((n) => el('tr', { dataset: { status: n.status } },
    el('td', {}, minute(n.sentAt || n.createdAt)), el('td', {}, n.country),
    el('td', {}, `${n.recipient} ${n.email ? '<' + n.email + '>' : ''}`), el('td', {}, n.subject),
    el('td', {}, t('page.notifications.status.' + n.status)), el('td', {}, n.attempts), el('td', {}, n.lastError || ''))));
  $('none').hidden = log.notices.length > 0;
}

(async () => {
  const session = await start('notifications');
  drawChoice(await api('GET', '/api/notifications/preferences'));
  $('preferences').addEventListener('submit', save);
  if (session.admin || session.programmeManager) {
    $('outbox-section').hidden = false;
    $('outbox').tHead.replaceChildren(el('tr', {}, ['when', 'country', 'to', 'subject', 'status', 'attempts', 'error']
      .map((key) => el('th', {}, t('page.notifications.' + key)))));
    const countries = await api('GET', '/api/countries');
    $('country').replaceChildren(new Option(t('page.notifications.all'), ''),
      ...countries.map((c) => new Option(c.name, c.code)));
    $('country').value = params().get('country') || '';
    $('status').replaceChildren(...STATUSES.map((s) => new Option(t(s ? 'page.notifications.status.' + s : 'page.notifications.all'), s)));
    $('filter').addEventListener('change', loadOutbox);
    await loadOutbox();
  }
  document.body.dataset.ready = 'true';
})().catch((problem) => { document.querySelector('main').prepend(el('p', { role: 'alert' }, problem.detail || problem.title || String(problem))); });
