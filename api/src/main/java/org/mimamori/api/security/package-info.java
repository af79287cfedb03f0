/**
 * Authentication and authorisation. Every endpoint except health and the static pages needs a bearer token: a
 * JWT from the municipality's identity provider, checked for its signature, validity period, issuer, audience and
 * roles (from a claim, by default {@code roles}), or in the {@code local} profile one of the documented demo
 * tokens ({@code demo-caseworker}, {@code demo-supervisor}, …). Who may call which operation is the access
 * matrix of {@code SecurityConfiguration}, by need-to-know. The {@code prod} profile refuses to start while demo
 * tokens are enabled or without issuer and audience.
 */
package org.mimamori.api.security;
