/**
 * Who may reach what: HTTP Basic against Camunda's identity store for {@code /api} and
 * {@code /engine-rest}, each request run with the caller's user, groups and countries so the
 * engine's tenant and authorization checks apply; the Camunda webapps keep their own login.
 */
package org.uprflow.security;
