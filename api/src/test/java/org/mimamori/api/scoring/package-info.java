/** Tests of explained scores, through the generated client against the running service. */
package org.mimamori.api.scoring;
