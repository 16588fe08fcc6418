// What the register page's views share: the country and cycle open, the caller's permissions there, the
// messages line and the writes with the version read. Each view is a module of its own (recommendations,
// import, matrix, progress, audit); register.js starts the page and switches between them.
import { $, api, clearErrors, IMPLEMENTATION_STATUSES, showErrors, t } from '/ui/uprflow.js';

export const state = {
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

export const base = () => `/api/countries/${encodeURIComponent(state.country)}/cycles/${encodeURIComponent(state.cycle)}`;
export const statusText = (status) => (status ? t(`page.register.status.${status}`) : '');
export const positionText = (position) => t(`page.register.position.${position || 'NONE'}`);

export function say(text, kind = 'info') {
  const message = $('message');
  message.textContent = text || '';
  message.className = text ? kind : '';
}

export function problemText(problem) {
  // The server's detail names ids and versions; people are told what happened and what to do.
  if (problem && problem.status === 409) return problem.body?.stale ? t('page.register.conflict') : problem.detail;
  if (problem && problem.status === 403) return t('page.register.forbidden');
  return [problem?.title, problem?.detail].filter(Boolean).join(': ') || String(problem);
}

export function fail(problem) {
  say(problemText(problem), 'error');
}

/** A write with If-Match (the version read) through the page kit. */
export function write(method, path, body, version) {
  return api(method, path, body, version == null ? {} : { headers: { 'If-Match': `"${version}"` } });
}

/** Each select[data-statuses] of the page gets the statuses of the matrix, in words. */
export function fillStatuses() {
  for (const select of document.querySelectorAll('select[data-statuses]')) {
    for (const status of IMPLEMENTATION_STATUSES) select.append(new Option(statusText(status), status));
  }
}

let showView = () => Promise.resolve();

/** Shows a view and loads it (register.js says how: a matrix row's button opens its progress). */
export function show(view) {
  return showView(view);
}

export function showViewsBy(switcher) {
  showView = switcher;
}

/** A dialog's form: Save sends, and keeps the dialog open with the errors next to the fields when refused. */
export function dialogForm(form, save) {
  form.addEventListener('submit', async (event) => {
    if (event.submitter?.value === 'cancel') return;
    event.preventDefault();
    clearErrors(form);
    try {
      await save(form);
      form.closest('dialog').close();
    } catch (problem) {
      showErrors(form, problem);
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
