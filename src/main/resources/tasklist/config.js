// UPR Flow's configuration of Camunda Tasklist (Camunda's documented customisation point), served per
// user by language.TasklistTexts: Tasklist speaks the user's language only (ADR 0017), the words of
// the shortcuts come from i18n/tasklist_*.properties.

export default {
  app: {
    name: 'Tasklist',
    vendor: 'UPR Flow'
  },
  dateFormat: {
    normal: 'LL',
    long: 'LLLL'
  },
  // says what happens next once a task is completed (Tasklist itself says nothing)
  customScripts: ['scripts/uprflow-done.js'],
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
