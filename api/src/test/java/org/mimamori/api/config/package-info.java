/** Test access to the service's configuration: an embedded MariaDB of a test's own, as an external database. */
package org.mimamori.api.config;
