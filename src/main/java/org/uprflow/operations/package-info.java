/**
 * Running the platform as a cluster: several nodes on one PostgreSQL behind a load balancer.
 * Owns the first start that one node does while the others wait (a PostgreSQL advisory lock around
 * the schema and the first-time setup). Health and metrics are Spring Boot's actuator, configured in
 * {@code application.yml}; the engine's part of them lives in {@code engine}, the actuator's access
 * rules in {@code security}. Operator's guide: {@code docs/operations.md}.
 */
package org.uprflow.operations;
