/*
 * One login for Tasklist and the platform's pages: this form posts to the Camunda webapps' own login,
 * whose session /api accepts too.
 */
import { failed, loadTexts, t, translate, nextPage as pageNamedByNext } from '/ui/uprflow.js';

(async () => {
  const LOGIN = '/camunda/api/admin/auth/user/default/login/welcome';
  const CSRF_SOURCE = '/camunda/api/admin/auth/user/default';

  try {
    await loadTexts();
  } catch (problem) {
    failed(problem);
    return;
  }
  translate(document);
  document.title = t('page.login.title');

  /**
   * Only a path of this site (pageNamedByNext), so that the login cannot be used to send people elsewhere.
   * Without one: the landing page, which shows a participant their tasks and sends managers on to the dashboard.
   */
  const nextPage = () => pageNamedByNext('/home/');

  /** The webapps protect their login against CSRF too: their first answer carries the token. */
  async function webappToken() {
    const response = await fetch(CSRF_SOURCE, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return response.headers.get('X-XSRF-TOKEN');
  }

  const form = document.getElementById('login');
  const summary = form.querySelector('[data-error-summary]');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = new URLSearchParams({ username: form.username.value.trim(), password: form.password.value });
    if (!data.get('username') || !data.get('password')) {
      summary.textContent = t('page.login.missing');
      summary.hidden = false;
      return;
    }
    form.querySelector('button').disabled = true;
    try {
      const token = await webappToken();
      const response = await fetch(LOGIN, {
        method: 'POST', credentials: 'same-origin', body: data,
        headers: Object.assign({ Accept: 'application/json' }, token ? { 'X-XSRF-TOKEN': token } : {})
      });
      if (response.ok) {
        // An account a programme manager created sets its own password first (its other calls are refused).
        const session = await fetch('/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(answer => (answer.ok ? answer.json() : {})).catch(() => ({}));
        location.assign(session.passwordChangeRequired
          ? '/password/?next=' + encodeURIComponent(nextPage()) : nextPage());
        return;
      }
      summary.textContent = t(response.status === 401 || response.status === 403
        ? 'page.login.failed' : 'page.error.unexpected', response.status);
    } catch (networkError) {
      summary.textContent = t('page.error.network');
    }
    summary.hidden = false;
    form.querySelector('button').disabled = false;
  });
})();
