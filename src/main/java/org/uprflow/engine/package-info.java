/**
 * Adapts the Camunda 7 engine to the platform: stamps every process instance with its country's
 * tenant, widens the identity whitelists for country group ids, and runs engine calls with or
 * without the caller's identity. One of the few places that import {@code org.camunda.bpm}.
 */
package org.uprflow.engine;
