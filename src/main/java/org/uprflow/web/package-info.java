/**
 * What every client of the platform's {@code /api} can rely on: errors as
 * {@code application/problem+json} with the offending fields named, and the OpenAPI description.
 * A feature's refusal extends {@link org.uprflow.web.ProblemException} (or
 * {@link org.uprflow.web.InvalidFieldsException}) and carries its own answer; {@code ApiProblemHandler}
 * words the framework's refusals. This package knows no feature (ADR 0021).
 */
package org.uprflow.web;
