/**
 * UPR Flow: the UPR follow-up cycle of many countries on one Camunda 7 engine, one tenant per
 * country. Each sub-package is one capability; engine imports stay in the classes that adapt it.
 */
package org.uprflow;
