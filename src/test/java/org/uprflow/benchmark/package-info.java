/**
 * The benchmark harness of issue 6 ({@code mvn -B -Pbenchmark verify}, see {@code docs/benchmarks.md}):
 * the platform over authenticated REST against the bare engine, PostgreSQL's commit ceiling, the
 * CSO inbox query with 100,000 open tasks, and the footprint of the packaged jar. Never part of the
 * normal build: every loop here is bounded in count and time, and all traffic stays on loopback.
 */
package org.uprflow.benchmark;
