/*
 * The user's own password: required first for an account a programme manager created (its other calls are
 * refused until then), open to everybody logged in. The rules are the engine's policy; the answer names the
 * field that breaks one.
 */
import { api, clearErrors, showErrors, start, t, nextPage as pageNamedByNext } from '/ui/uprflow.js';

(async () => {
  const MIN_LENGTH = 10;
  try {
    await start(null);
  } catch (problem) {
    return;
  }
  document.title = t('page.password.title');
  document.getElementById('intro').textContent = t('page.password.intro', MIN_LENGTH);

  /** Only a path of this site, as on the login page; never this page again. */
  function nextPage() {
    const next = pageNamedByNext('/register/');
    return next.startsWith('/password/') ? '/register/' : next;
  }

  const form = document.getElementById('password');
  const summary = form.querySelector('[data-error-summary]');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    if (!form.currentPassword.value || !form.newPassword.value || !form.repeat.value) {
      summary.textContent = t('page.password.missing');
      summary.hidden = false;
      return;
    }
    if (form.newPassword.value !== form.repeat.value) {
      summary.textContent = t('page.password.mismatch');
      summary.hidden = false;
      return;
    }
    form.querySelector('button').disabled = true;
    try {
      await api('POST', '/api/session/password',
        { currentPassword: form.currentPassword.value, newPassword: form.newPassword.value });
      location.assign(nextPage());
      return;
    } catch (problem) {
      showErrors(form, problem);
    }
    form.querySelector('button').disabled = false;
  });
})();
