/**
 * {@code export}: the recorded inputs of scored children with the outcomes staff recorded, as a labelled CSV for
 * retraining, with metadata that states the selection bias of such labels.
 */
package org.mimamori.training.export;
