// UPR Flow's configuration of Camunda Tasklist (Camunda's documented customisation point), served per
// user by language.TasklistTexts: Tasklist speaks the user's language only (ADR 0017), the words of
// the shortcuts come from i18n/tasklist_*.properties.

// Before the login Tasklist speaks the browser's language; once its login form succeeds, the page is
// loaded again, and this file with it, in the language of the user who logged in.
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (method === 'POST' && /\/auth\/user\/[^/]+\/login\/tasklist$/.test(url)) {
    this.addEventListener('load', () => {
      if (this.status === 200) {
        window.location.reload();
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

export default {
  app: {
    name: 'Tasklist',
    vendor: 'UPR Flow'
  },
  dateFormat: {
    normal: 'LL',
    long: 'LLLL'
  },
  locales: {
    availableLocales: [/*LANGUAGE*/],
    fallbackLocale: /*LANGUAGE*/
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: /*config.shortcuts.claimTask*/
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: /*config.shortcuts.focusFilter*/
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: /*config.shortcuts.focusList*/
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: /*config.shortcuts.focusForm*/
    }
  }
};
