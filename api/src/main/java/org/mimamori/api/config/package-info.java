/**
 * Configuration of the service: its properties, the embedded MariaDB used when no datasource is configured,
 * and request-size limits at the HTTP edge.
 */
package org.mimamori.api.config;
