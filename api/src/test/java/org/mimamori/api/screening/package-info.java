/** Tests of batch screening and its review list. */
package org.mimamori.api.screening;
