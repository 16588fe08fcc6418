// UPR Flow branding of Camunda Cockpit (Camunda's documented customisation point).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'UPR Flow'
  }
};
