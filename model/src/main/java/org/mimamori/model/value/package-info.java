/** The value of one data item: a number, a category, unknown or not applicable. */
package org.mimamori.model.value;
