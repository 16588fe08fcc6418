/**
 * Adapts the Camunda 7 engine to the platform: stamps every process instance with its country's
 * tenant, keeps the cycle's variables for the platform (users send only their task's form fields),
 * answers refusals with 400 on engine-rest and Tasklist's API alike, widens the identity whitelists for country group ids, adds the platform's indexes to the
 * engine's tables, and runs engine calls with or without the caller's identity. One of the few places that import {@code org.camunda.bpm}.
 */
package org.uprflow.engine;
