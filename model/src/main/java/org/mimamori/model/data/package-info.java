/**
 * Cases and their files: a {@link org.mimamori.model.data.Case} holds one child's resolved values; values
 * are parsed from CSV cells and JSON by one set of conventions ({@link org.mimamori.model.data.ValueParser})
 * and cases are read and written as CSV by {@link org.mimamori.model.data.CaseCsv}.
 */
package org.mimamori.model.data;
