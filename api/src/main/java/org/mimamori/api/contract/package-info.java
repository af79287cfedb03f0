/**
 * The contract ({@code api/src/main/openapi/*.yaml}, on the class path under {@code openapi/}) as the one place
 * where the service's input rules live: every request is checked against its operation's parameters and JSON
 * body before a controller sees it, every bad field is named at once in domain words, and bodies are read as
 * strict JSON (no duplicate keys, nothing after the value, no unpaired surrogates or control characters).
 */
package org.mimamori.api.contract;
