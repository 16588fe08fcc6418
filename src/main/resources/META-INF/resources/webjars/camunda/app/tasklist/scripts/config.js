// UPR Flow branding of Camunda Tasklist (Camunda's documented customisation point).

// On a slow link every round trip counts: the worker lets a repeat visit take this file from the
// browser's cache (uprflow-sw.js says how). Without it, Tasklist works as before.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('../uprflow-sw.js', import.meta.url).pathname).catch(() => {});
}

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
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    }
  }
};
