/**
 * Model bundles: one content-hashed zip holding everything needed to score, explain and document a trained
 * model, and nothing about individual cases.
 */
package org.mimamori.model.bundle;
