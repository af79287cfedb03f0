package org.mimamori.training.pipeline;

/**
 * liblinear 2.44's {@code Blas} routines (dnrm2, ddot, daxpy, dscal) for unit increments, the same operations in the
 * same order (the unrolled loops included), for {@link LogisticNewton}.
 */
final class LibLinearBlas {

    private LibLinearBlas() {
    }

    static double dnrm2(int nn, double[] x) {
        if (nn <= 0) {
            return 0.0;
        }
        if (nn == 1) {
            return Math.abs(x[0]);
        }
        double scale = 0.0;
        double ssq = 1.0;
        for (int ix = nn - 1; ix >= 0; ix--) {
            if (x[ix] != 0.0) {
                double absxi = Math.abs(x[ix]);
                if (scale < absxi) {
                    double temp = scale / absxi;
                    ssq = ssq * (temp * temp) + 1.0;
                    scale = absxi;
                } else {
                    double temp = absxi / scale;
                    ssq += temp * temp;
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }

    static double ddot(int nn, double[] sx, double[] sy) {
        double stemp = 0.0;
        if (nn > 0) {
            int m = nn - 4;
            int i;
            for (i = 0; i < m; i += 5) {
                stemp += sx[i] * sy[i] + sx[i + 1] * sy[i + 1] + sx[i + 2] * sy[i + 2]
                        + sx[i + 3] * sy[i + 3] + sx[i + 4] * sy[i + 4];
            }
            for (; i < nn; i++) {
                stemp += sx[i] * sy[i];
            }
        }
        return stemp;
    }

    static void daxpy(int nn, double sa, double[] sx, double[] sy) {
        if (nn > 0 && sa != 0.0) {
            int m = nn - 3;
            int i;
            for (i = 0; i < m; i += 4) {
                sy[i] += sa * sx[i];
                sy[i + 1] += sa * sx[i + 1];
                sy[i + 2] += sa * sx[i + 2];
                sy[i + 3] += sa * sx[i + 3];
            }
            for (; i < nn; ++i) {
                sy[i] += sa * sx[i];
            }
        }
    }

    static void dscal(int nn, double sa, double[] sx) {
        if (nn > 0) {
            int m = nn - 4;
            int i;
            for (i = 0; i < m; i += 5) {
                sx[i] = sa * sx[i];
                sx[i + 1] = sa * sx[i + 1];
                sx[i + 2] = sa * sx[i + 2];
                sx[i + 3] = sa * sx[i + 3];
                sx[i + 4] = sa * sx[i + 4];
            }
            for (; i < nn; ++i) {
                sx[i] = sa * sx[i];
            }
        }
    }
}
