// UPR Flow branding of Camunda Admin (Camunda's documented customisation point).
export default {
  app: {
    name: 'Admin',
    vendor: 'UPR Flow'
  }
};
