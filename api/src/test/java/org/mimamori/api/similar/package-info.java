/** Tests of similar past cases, aggregated. */
package org.mimamori.api.similar;
