/*
 * One login for Tasklist and the platform's pages: this form posts to the Camunda webapps' own login,
 * whose session /api accepts too.
 */
(async () => {
  const LOGIN = '/camunda/api/admin/auth/user/default/login/welcome';
  const CSRF_SOURCE = '/camunda/api/admin/auth/user/default';

  try {
    await UprFlow.loadTexts();
  } catch (problem) {
    UprFlow.failed(problem);
    return;
  }
  UprFlow.translate(document);
  document.title = UprFlow.t('page.login.title');

  /**
   * Only a path of this site, so that the login cannot be used to send people elsewhere. Browsers read a
   * backslash as a slash ("/\evil.example" is "//evil.example") and drop tabs and line breaks, so those
   * are refused outright; what is left must resolve to this origin. Without one: the landing page, which
   * shows a participant their tasks and sends managers on to the dashboard.
   */
  function nextPage() {
    const fallback = '/home/';
    const next = UprFlow.params().get('next');
    if (!next || !next.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(next)) {
      return fallback;
    }
    const url = new URL(next, location.origin);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : fallback;
  }

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
      summary.textContent = UprFlow.t('page.login.missing');
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
        location.assign(nextPage());
        return;
      }
      summary.textContent = UprFlow.t(response.status === 401 || response.status === 403
        ? 'page.login.failed' : 'page.error.unexpected', response.status);
    } catch (networkError) {
      summary.textContent = UprFlow.t('page.error.network');
    }
    summary.hidden = false;
    form.querySelector('button').disabled = false;
  });
})();
