/** Tests of the model cards over the API against the running service. */
package org.mimamori.api.cards;
