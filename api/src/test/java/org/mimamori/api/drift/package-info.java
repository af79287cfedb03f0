/** Tests of drift and data quality monitoring through the running service. */
package org.mimamori.api.drift;
