/** Tests of the model registry. */
package org.mimamori.api.models;
