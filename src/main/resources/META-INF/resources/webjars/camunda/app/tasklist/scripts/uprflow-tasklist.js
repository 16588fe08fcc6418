/*
 * UPR Flow's additions to Tasklist (issue 12), loaded through config.js's customScripts before Tasklist starts:
 * - tasks are listed by due date, earliest first, unless the user chose another order;
 * - a link in a task's form (to the register, the matrix, the report) opens in a new tab, also before the task
 *   is taken: the participant reads what the task is about without losing the task;
 * - after a task is completed, a confirmation says what happens next, and an error of an earlier attempt goes;
 * - a task form that cannot be loaded (a lost request on a slow link) says so in the user's words, instead of
 *   the browser's "Failed to fetch", and offers to try again (docs/network.md).
 * Texts come from the platform's message bundles (GET /api/messages), in the browser's language.
 */
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);
const COMPLETION = /\/task\/[^/]+\/(submit-form|complete)$/;

function sortByDueDateUnlessChosen() {
  const hash = window.location.hash || '#/';
  if (/[?&]sorting=/.test(hash)) {
    return;
  }
  const separator = hash.includes('?') ? '&' : (hash.startsWith('#/') ? '?' : '/?');
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + hash
    + separator + 'sorting=' + encodeURIComponent(DUE_DATE_FIRST));
}

function formLinksOpenInANewTab() {
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('.fjs-container a[href]') : null;
    if (!link || event.button !== 0) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    window.open(link.href, '_blank', 'noopener');
  }, true);
  // form-js takes a disabled form's links out of the tab order: a keyboard reaches them like a mouse does
  new MutationObserver(() => {
    document.querySelectorAll('.fjs-container a.fjs-disabled-link[tabindex="-1"]').forEach((link) => {
      link.removeAttribute('tabindex');
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
}

let texts = null;

async function text(key) {
  if (!texts) {
    try {
      const response = await fetch('/api/messages', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      texts = response.ok ? await response.json() : {};
    } catch (unreachable) {
      return ''; // asked again next time: the link may be back
    }
  }
  return (texts[key] || '').replace(/''/g, "'");
}

/** The browsers' words for a request that got no answer at all (Chromium, Firefox, Safari). */
const LOST = /failed to fetch|networkerror|load failed|network error/i;

/**
 * Tasklist shows a form it could not load as "Form failure: " and the browser's own English words, with no way
 * on but reloading. Under such an alert: what happened in the user's words, and a button that loads the page
 * again (the task stays chosen in its address).
 */
function formFailuresOfferToTryAgain() {
  const offer = async (alert) => {
    alert.dataset.ufRetry = 'offered';
    const message = alert.querySelector('.message');
    const lost = !message || LOST.test(message.textContent);
    const [sentence, again] = await Promise.all([text(lost ? 'page.error.network' : ''), text('page.error.retry')]);
    const help = document.createElement('p');
    help.className = 'uf-form-lost';
    if (lost && sentence) {
      message.hidden = true;
      help.append(sentence, ' ');
    }
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'btn btn-default uf-retry';
    retry.textContent = again || '\u21bb';
    if (!again) {
      retry.setAttribute('aria-label', 'Try again');
    }
    retry.addEventListener('click', () => window.location.reload());
    help.append(retry);
    alert.append(help);
  };
  new MutationObserver(() => {
    document.querySelectorAll('.alert-danger').forEach((alert) => {
      const status = alert.querySelector('.status');
      if (!alert.dataset.ufRetry && status && status.textContent.trim() && !alert.classList.contains('ng-hide')
          && alert.closest('[cam-tasklist-form], .form-pane')) {
        offer(alert);
      }
    });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
}

async function confirmCompletion() {
  // an error shown for an earlier attempt is no longer true
  document.querySelectorAll('[notifications-panel] .alert-danger, .notifications .alert-danger').forEach((alert) => alert.remove());
  document.querySelectorAll('.uf-completed').forEach((old) => old.remove());
  const sentence = await text('page.tasklist.completed');
  if (!sentence) {
    return;
  }
  const box = document.createElement('div');
  box.className = 'uf-completed alert alert-success';
  box.setAttribute('role', 'status');
  box.textContent = sentence;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', await text('page.tasklist.close') || 'Close');
  close.textContent = '\u00d7';
  close.addEventListener('click', () => box.remove());
  box.prepend(close);
  document.body.append(box);
}

function watchCompletions() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.ufCompletion = String(method).toUpperCase() === 'POST' && COMPLETION.test(String(url).split('?')[0]);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.ufCompletion) {
      document.querySelectorAll('.uf-completed').forEach((old) => old.remove());
      this.addEventListener('loadend', () => {
        if (this.status === 204 || this.status === 200) {
          confirmCompletion();
        }
      });
    }
    return send.apply(this, args);
  };
}

sortByDueDateUnlessChosen();
formLinksOpenInANewTab();
watchCompletions();
formFailuresOfferToTryAgain();
