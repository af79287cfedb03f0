/** Tests of shadow scoring and the shadow report. */
package org.mimamori.api.shadow;
