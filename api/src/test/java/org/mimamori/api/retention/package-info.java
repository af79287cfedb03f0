/** Tests of the retention purge. */
package org.mimamori.api.retention;
