// UPR Flow branding of Camunda Tasklist (Camunda's documented customisation point).
export default {
  app: {
    name: 'Tasklist',
    vendor: 'UPR Flow'
  },
  // UPR Flow's additions (scripts/uprflow-tasklist.js): due date order, form links, completion confirmation.
  customScripts: ['scripts/uprflow-tasklist.js'],
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
