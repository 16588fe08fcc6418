/**
 * The programme managers' dashboard: all their countries at a glance (cycle, phase, timeline, open
 * and overdue tasks per role, matrix status, meeting attendance) and one country in depth, over
 * {@code /api/dashboard} and the pages under {@code /dashboard/}. Everything is read with a few
 * grouped queries for all the caller's countries at once; {@link org.uprflow.dashboard.EngineTables}
 * is the one class that reads the engine's {@code ACT_*} tables by SQL.
 */
package org.uprflow.dashboard;
