/**
 * What every client of the platform's {@code /api} can rely on: errors as
 * {@code application/problem+json} with the offending fields named, and the OpenAPI description.
 */
package org.uprflow.web;
