/**
 * The value of one data item: a number, a category, unknown or not applicable; and
 * {@link org.mimamori.model.value.Spelling}, the "did you mean" for misspelt names and codes.
 */
package org.mimamori.model.value;
