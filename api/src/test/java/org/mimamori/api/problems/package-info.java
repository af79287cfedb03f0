/** Tests of problem details across the service: in the reader's language, naming every bad field. */
package org.mimamori.api.problems;
