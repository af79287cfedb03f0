package org.mimamori.model.calibration;

/** Checks shared by the calibrators' fitting methods. */
final class FitData {

    private FitData() {
    }

    /** Throws unless logits and labels pair up, are non-empty and every logit is finite. */
    static void check(double[] logits, boolean[] labels) {
        if (logits == null || labels == null || logits.length != labels.length) {
            throw new IllegalArgumentException("logits and labels must be given and pair up");
        }
        if (logits.length == 0) {
            throw new IllegalArgumentException("a calibrator needs at least one case");
        }
        for (int i = 0; i < logits.length; i++) {
            if (!Double.isFinite(logits[i])) {
                throw new IllegalArgumentException("logit " + i + " is " + logits[i] + ", not a finite number");
            }
        }
    }

    /** Throws when the logit to calibrate is NaN. */
    static void checkLogit(double logit) {
        if (Double.isNaN(logit)) {
            throw new IllegalArgumentException("cannot calibrate a NaN logit");
        }
    }
}
