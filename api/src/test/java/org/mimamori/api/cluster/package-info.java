/** Tests of several instances on one database: leases, and the service run as several JVMs on one MariaDB. */
package org.mimamori.api.cluster;
