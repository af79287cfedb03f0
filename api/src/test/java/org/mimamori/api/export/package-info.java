/** Tests of the training tool's export against the service's database. */
package org.mimamori.api.export;
