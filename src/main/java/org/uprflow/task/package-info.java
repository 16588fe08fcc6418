/**
 * The caller's open tasks over the platform's API: the engine's own tenant and authorization
 * checks decide what is listed, the same as in Tasklist.
 */
package org.uprflow.task;
