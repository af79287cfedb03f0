/** Shared support for the service's tests: a test model bundle, data directories and raw HTTP. */
package org.mimamori.api.support;
