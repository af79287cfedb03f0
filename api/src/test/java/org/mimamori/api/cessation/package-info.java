/** Tests of cessation of use and deletion. */
package org.mimamori.api.cessation;
