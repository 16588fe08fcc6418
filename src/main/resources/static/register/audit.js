// The audit view: who did what in the cycle, newest first, a page at a time.
import { $, api, el, t, when } from '/ui/uprflow.js';
import { fail, state } from './store.js';

const AUDIT_PAGE_SIZE = 50;

/** An audit action in words; an action of another feature without words here stays as it is. */
function actionText(action) {
  const key = `page.register.audit.action.${action}`;
  const text = t(key);
  return text === key ? action : text;
}

export async function loadAudit() {
  const events = await api('GET',
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

/** The audit view's pages. */
export function wireAudit() {
  $('audit-previous').addEventListener('click', () => { state.auditPage--; loadAudit().catch(fail); });
  $('audit-next').addEventListener('click', () => { state.auditPage++; loadAudit().catch(fail); });
}
