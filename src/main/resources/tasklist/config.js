// UPR Flow's configuration of Camunda Tasklist (Camunda's documented customisation point), served per
// user by language.TasklistTexts: Tasklist speaks the user's language only (ADR 0017), the words of
// the shortcuts come from i18n/tasklist_*.properties.

// On a slow link every round trip counts: the worker lets a repeat visit take this file from the
// browser's cache (uprflow-sw.js says how). Without it, Tasklist works as before.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('../uprflow-sw.js', import.meta.url).pathname).catch(() => {});
}

// The user's language, for the platform's script (scripts/uprflow-tasklist.js: form-js' words and dates).
globalThis.uprflowLanguage = /*LANGUAGE*/;

export default {
  app: {
    name: 'Tasklist',
    vendor: 'UPR Flow'
  },
  dateFormat: {
    normal: 'LL',
    long: 'LLLL'
  },
  // the platform's additions (scripts/uprflow-tasklist.js: tasks by due date, a form's links in a new tab, a
  // confirmation after a completion), asked for by the version of their content, kept by the browser
  customScripts: [/*CUSTOM_SCRIPTS*/],
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
