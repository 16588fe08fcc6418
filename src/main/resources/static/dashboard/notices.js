/* The country page's notices: the latest 20 sent to whom, and what failed (the manager's own countries only, /api checks). */
'use strict';

(async () => {
  const code = UprFlow.params().get('code');
  if (!code) return;
  await UprFlow.loadTexts();
  const { el, t } = UprFlow;
  const log = await UprFlow.api('GET', `/api/notifications/outbox?country=${encodeURIComponent(code)}&limit=20`);
  const section = document.getElementById('notices');
  section.querySelector('tbody').replaceChildren(...log.notices.map((n) => el('tr', { dataset: { status: n.status } },
    el('td', {}, (n.sentAt || n.createdAt || '').replace('T', ' ').slice(0, 16)),
    el('td', {}, `${n.recipient}${n.email ? ' <' + n.email + '>' : ''}`), el('td', {}, n.subject),
    el('td', {}, t('page.notifications.status.' + n.status)), el('td', {}, n.lastError || ''))));
  const all = document.getElementById('all-notices');
  all.href = `/notifications/?country=${encodeURIComponent(code)}`;
  UprFlow.translate(section);
  section.hidden = false;
})().catch(() => { /* the rest of the page says what went wrong with the country */ });
