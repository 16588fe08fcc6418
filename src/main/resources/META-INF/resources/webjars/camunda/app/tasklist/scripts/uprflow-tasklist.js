/*
 * UPR Flow's additions to Tasklist (issue 12), loaded through config.js's customScripts before Tasklist starts:
 * - tasks are listed by due date, earliest first, unless the user chose another order;
 * - a link in a task's form (to the register, the matrix, the report) opens in a new tab, also before the task
 *   is taken: the participant reads what the task is about without losing the task;
 * - after a task is completed, a confirmation says what happens next, and an error of an earlier attempt goes;
 * - a task form that cannot be loaded (a lost request on a slow link) says so in the user's words, instead of
 *   the browser's "Failed to fetch", and offers to try again (docs/network.md);
 * - Tasklist's texts are there before it starts, also on a first visit (else its search field, set up once, shows
 *   the keys SEARCH_PLACEHOLDER and CREATION_DATE);
 * - a form speaks the user's language where form-js speaks English only: its validation messages, the number
 *   field's buttons, the date field's order of day and month, its placeholder and its calendar.
 * Texts come from the platform's message bundles: GET /api/messages (page.*) and Tasklist's locale file
 * (i18n/tasklist_*.properties, form-js' words under uprflowFormJs), in the user's language (config.js names it).
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

/**
 * Tasklist's texts of the language, as Tasklist keeps them (localStorage "camunda-web", the key of its locale loader):
 * on a first visit they are not there yet, and Tasklist, which then waits for its own request, sets its search field
 * up before the answer comes, with the keys for texts. Read here first (this script runs before Tasklist starts) and
 * kept where Tasklist looks, they are there at once; Tasklist's own request, for the same address, is then a 304.
 */
async function tasklistTexts(language) {
  const root = document.querySelector('base[app-root]')?.getAttribute('app-root') || '/camunda';
  const prefix = root + '/app/tasklist/locales/';
  const key = prefix + '_locales_data_' + language + '_' + window.bust;
  const stored = () => JSON.parse(window.localStorage.getItem(STORE) || '{}');
  try {
    const kept = stored()[key];
    if (kept) {
      return JSON.parse(kept);
    }
    const response = await fetch(prefix + language + '.json?bust=' + encodeURIComponent(window.bust),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      return {};
    }
    const file = await response.json();
    const store = stored();
    store[key] = JSON.stringify(file);
    window.localStorage.setItem(STORE, JSON.stringify(store));
    return file;
  } catch (unavailable) {
    return {};
  }
}

/** form-js reads the order of day, month and year from the browser's own language: the user's language instead. */
function datesInTheLanguage(language) {
  const Native = Intl.DateTimeFormat;
  function InTheLanguage(locales, options) {
    return new Native(locales === undefined || locales === 'default' ? language : locales, options);
  }
  InTheLanguage.prototype = Native.prototype;
  InTheLanguage.supportedLocalesOf = Native.supportedLocalesOf.bind(Native);
  Intl.DateTimeFormat = InTheLanguage;
}

/** A pair of form-js' English with {0}, {1}… for what it puts in, and the language's text: a replacer of one text. */
function replacer([english, text]) {
  const holes = [];
  const pattern = english.split(/(\{\d+\})/).map((part) => {
    const hole = /^\{(\d+)\}$/.exec(part);
    if (hole) {
      holes.push(hole[1]);
      return '(.+?)';
    }
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('');
  const recognised = new RegExp('^' + pattern + '$');
  return (said) => {
    const found = recognised.exec(said);
    if (!found) {
      return null;
    }
    return text.replace(/\{(\d+)\}/g, (hole, n) => found[holes.indexOf(n) + 1] ?? hole);
  };
}

function inTheLanguage(replacers, said) {
  for (const replace of replacers) {
    const text = replace(said);
    if (text !== null) {
      return text;
    }
  }
  return null;
}

/** The calendar's words (flatpickr's locale) from the language's dates (Tasklist's locale file). */
function calendarWords(dates) {
  if (!Array.isArray(dates?.months) || !Array.isArray(dates?.weekdays)) {
    return null;
  }
  return {
    months: { longhand: dates.months, shorthand: dates.monthsShort || dates.months },
    weekdays: { longhand: dates.weekdays, shorthand: dates.weekdaysShort || dates.weekdays },
    firstDayOfWeek: dates.week?.dow ?? 0
  };
}

function formsInTheLanguage(file) {
  const words = file[FORM_JS] || {};
  const messages = (words.messages || []).map(replacer);
  const labels = (words.labels || []).map(replacer);
  const calendar = calendarWords(file.dateLocales);
  const translate = () => {
    // Written only when it changes something: each write is a change this observer sees again.
    document.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
      const text = item.firstChild ? inTheLanguage(messages, item.textContent) : null;
      if (text !== null && text !== item.textContent) {
        // the text node form-js wrote: when it writes another, this runs again
        item.firstChild.data = text;
      }
    });
    document.querySelectorAll('.fjs-container [aria-label]').forEach((element) => {
      const text = inTheLanguage(labels, element.getAttribute('aria-label'));
      if (text !== null && text !== element.getAttribute('aria-label')) {
        element.setAttribute('aria-label', text);
      }
    });
    document.querySelectorAll('.fjs-datepicker input').forEach((input) => {
      if (words.datePlaceholder && input.placeholder !== words.datePlaceholder) {
        input.placeholder = words.datePlaceholder;
      }
      const picker = input._flatpickr;
      if (picker && calendar && !picker.uprflowWords) {
        picker.uprflowWords = true;
        if (words.dayLabel) {
          picker.config.ariaDateFormat = words.dayLabel;
        }
        picker.set('locale', calendar);
      }
    });
  };
  new MutationObserver(translate).observe(document.documentElement,
    { childList: true, subtree: true, characterData: true, attributeFilter: ['placeholder', 'aria-label'] });
}

const STORE = 'camunda-web';
const FORM_JS = 'uprflowFormJs';

sortByDueDateUnlessChosen();
formLinksOpenInANewTab();
watchCompletions();
formFailuresOfferToTryAgain();
const language = globalThis.uprflowLanguage || 'en';
datesInTheLanguage(language);
formsInTheLanguage(await tasklistTexts(language));
