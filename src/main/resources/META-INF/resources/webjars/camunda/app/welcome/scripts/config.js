// UPR Flow branding of Camunda Welcome (Camunda's documented customisation point).
export default {
  app: {
    name: 'Welcome',
    vendor: 'UPR Flow'
  }
};
