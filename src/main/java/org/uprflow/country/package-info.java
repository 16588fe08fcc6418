/**
 * Countries as tenants: onboarding a country (its tenant, role groups, authorizations and Tasklist
 * filters, in one transaction), giving people a role in a country, and listing the countries a
 * caller may see. {@link org.uprflow.country.CountryProvisioning} is the engine adapter.
 */
package org.uprflow.country;
