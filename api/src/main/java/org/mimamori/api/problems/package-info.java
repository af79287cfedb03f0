/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}). Input errors name each bad field in
 * an {@code errors} extension ({@code [{field, message}]}); nothing is stored when a request is refused.
 */
package org.mimamori.api.problems;
