/* The country page's notices: the latest 20 sent to whom, and what failed (the manager's own countries only, /api checks). */
import { api, el, loadTexts, minute, params, t, translate } from '/ui/uprflow.js';

(async () => {
  const code = params().get('code');
  if (!code) return;
  await loadTexts();
  const log = await api('GET', `/api/notifications/outbox?country=${encodeURIComponent(code)}&limit=20`);
  const section = document.getElementById('notices');
  section.querySelector('tbody').replaceChildren(...log.notices.map((n) => el('tr', { dataset: { status: n.status } },
    el('td', {}, minute(n.sentAt || n.createdAt)),
    el('td', {}, `${n.recipient}${n.email ? ' <' + n.email + '>' : ''}`), el('td', {}, n.subject),
    el('td', {}, t('page.notifications.status.' + n.status)), el('td', {}, n.lastError || ''))));
  const all = document.getElementById('all-notices');
  all.href = `/notifications/?country=${encodeURIComponent(code)}`;
  translate(section);
  section.hidden = false;
})().catch(() => { /* the rest of the page says what went wrong with the country */ });
