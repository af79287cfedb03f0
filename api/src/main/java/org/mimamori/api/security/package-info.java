/**
 * Authentication and authorisation. Every endpoint except health needs a bearer token: a JWT from the
 * municipality's identity provider (roles from a claim, by default {@code roles}), or in the {@code local}
 * profile one of the documented demo tokens ({@code demo-caseworker}, {@code demo-supervisor},
 * {@code demo-analyst}, {@code demo-auditor}, {@code demo-admin}). The {@code prod} profile refuses to start
 * while demo tokens are enabled.
 */
package org.mimamori.api.security;
