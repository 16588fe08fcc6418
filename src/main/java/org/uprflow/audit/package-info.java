/**
 * The audit trail: who did what to a country's register and matrix, and when. Written by the
 * features in the same transaction as the change it records; read by the country's programme
 * managers and admins.
 */
package org.uprflow.audit;
