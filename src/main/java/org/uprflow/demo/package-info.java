/**
 * The demo countries and logins of the embedded default (listed in the README). Never active with
 * the postgres profile.
 */
package org.uprflow.demo;
