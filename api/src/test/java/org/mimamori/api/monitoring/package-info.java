/** Tests of outcome monitoring and of the model cards against the running service. */
package org.mimamori.api.monitoring;
