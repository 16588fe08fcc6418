/*
 * The user's own password: required first for an account a programme manager created (its other calls are
 * refused until then), open to everybody logged in. The rules are the engine's policy; the answer names the
 * field that breaks one.
 */
(async () => {
  const MIN_LENGTH = 10;
  try {
    await UprFlow.start(null);
  } catch (problem) {
    return;
  }
  document.title = UprFlow.t('page.password.title');
  document.getElementById('intro').textContent = UprFlow.t('page.password.intro', MIN_LENGTH);

  /** Only a path of this site, as on the login page; never this page again. */
  function nextPage() {
    const next = UprFlow.nextPage('/register/');
    return next.startsWith('/password/') ? '/register/' : next;
  }

  const form = document.getElementById('password');
  const summary = form.querySelector('[data-error-summary]');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    UprFlow.clearErrors(form);
    if (!form.currentPassword.value || !form.newPassword.value || !form.repeat.value) {
      summary.textContent = UprFlow.t('page.password.missing');
      summary.hidden = false;
      return;
    }
    if (form.newPassword.value !== form.repeat.value) {
      summary.textContent = UprFlow.t('page.password.mismatch');
      summary.hidden = false;
      return;
    }
    form.querySelector('button').disabled = true;
    try {
      await UprFlow.api('POST', '/api/session/password',
        { currentPassword: form.currentPassword.value, newPassword: form.newPassword.value });
      location.assign(nextPage());
      return;
    } catch (problem) {
      UprFlow.showErrors(form, problem);
    }
    form.querySelector('button').disabled = false;
  });
})();
