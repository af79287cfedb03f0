package org.mimamori.training.pipeline;

/**
 * liblinear 2.44's solver for L2-regularised logistic regression in the primal ({@code L2R_LR}: the trust-region-free
 * Newton method of {@code Newton.newton} with its preconditioned conjugate gradient, and {@code L2R_LrFunction}'s
 * function value, gradient, Hessian-vector product and diagonal preconditioner), ported operation for operation to
 * rows in a compact layout: one {@code int[]} of feature positions (0-based, liblinear's index − 1) with row offsets,
 * and the values only when they are not all 1. Every floating-point operation and every sum runs in liblinear's
 * order, so the weights are bit for bit those of {@code Linear.train} on the same rows (a product with a value of
 * exactly 1 is skipped, which changes no bit). The rows must already be in the order {@code Linear.train} solves
 * them in (grouped by class, see {@link LibLinearSolver}) with targets +1 / −1, one cost for every row, the bias
 * regularised and no initial solution: that is the only case {@link LibLinearSolver} sends here.
 *
 * <p>Not thread-safe; one instance per fit.
 */
final class LogisticNewton {

    private static final double ETA_CG = 0.5;

    private final int l;
    private final int n;
    private final int[] start;
    private final int[] index;
    private final double[] value;
    private final double[] y;
    private final double c;
    private final double[] wx;
    private final double[] tmp;
    private final double[] d;
    private double wTw;

    /**
     * @param n     the number of weights (features and the bias)
     * @param start row offsets into {@code index}, {@code l + 1} of them
     * @param index feature positions, 0-based, ascending within a row
     * @param value the values in the same places, or null when every value is 1
     * @param y     per row, +1 or −1
     * @param c     the cost of every row
     */
    LogisticNewton(int n, int[] start, int[] index, double[] value, double[] y, double c) {
        this.l = y.length;
        this.n = n;
        this.start = start;
        this.index = index;
        this.value = value;
        this.y = y;
        this.c = c;
        this.wx = new double[l];
        this.tmp = new double[l];
        this.d = new double[l];
    }

    /** {@code Newton.newton} from w = 0 with liblinear's stopping rule; returns w. */
    double[] solve(double eps, int maxIter) {
        double[] w = new double[n];
        int i;
        double stepSize;
        double f;
        double fold;
        double actred;
        double initStepSize = 1;
        boolean search = true;
        int iter = 1;
        double[] s = new double[n];
        double[] r = new double[n];
        double[] g = new double[n];

        final double alphaPcg = 0.01;
        double[] m = new double[n];

        // liblinear computes f and g at w0 = 0 for the stopping condition, then again at w (also 0 here): the
        // second time gives the same state bit for bit, so it is done once.
        f = fun(w);
        grad(w, g);
        double gnorm0 = LibLinearBlas.dnrm2(n, g);
        double gnorm = gnorm0;

        if (gnorm <= eps * gnorm0) {
            search = false;
        }

        while (iter <= maxIter && search) {
            diagPreconditioner(m);
            for (i = 0; i < n; i++) {
                m[i] = (1 - alphaPcg) + alphaPcg * m[i];
            }
            pcg(g, m, s, r);

            fold = f;
            double[] fReference = {f};
            stepSize = linesearchAndUpdate(w, s, fReference, g, initStepSize);
            f = fReference[0];

            if (stepSize == 0) {
                break; // line search fails
            }

            grad(w, g);
            gnorm = LibLinearBlas.dnrm2(n, g);

            if (gnorm <= eps * gnorm0) {
                break;
            }
            if (f < -1.0e+32) {
                break;
            }
            actred = fold - f;
            if (Math.abs(actred) <= 1.0e-12 * Math.abs(f)) {
                break;
            }
            iter++;
        }
        return w;
    }

    private int pcg(double[] g, double[] m, double[] s, double[] r) {
        int i;
        double one = 1;
        double[] dd = new double[n];
        double[] hd = new double[n];
        double zTr;
        double znewTrnew;
        double alpha;
        double beta;
        double cgtol;
        double dHd;
        double[] z = new double[n];
        double q = 0;
        double newQ;
        double qdiff;

        for (i = 0; i < n; i++) {
            s[i] = 0;
            r[i] = -g[i];
            z[i] = r[i] / m[i];
            dd[i] = z[i];
        }

        zTr = LibLinearBlas.ddot(n, z, r);
        double gMinvNorm = Math.sqrt(zTr);
        cgtol = Math.min(ETA_CG, Math.sqrt(gMinvNorm));
        int cgIter = 0;
        int maxCgIter = Math.max(n, 5);

        while (cgIter < maxCgIter) {
            cgIter++;

            hv(dd, hd);
            dHd = LibLinearBlas.ddot(n, dd, hd);
            if (dHd <= 1.0e-16) {
                break;
            }

            alpha = zTr / dHd;
            LibLinearBlas.daxpy(n, alpha, dd, s);
            alpha = -alpha;
            LibLinearBlas.daxpy(n, alpha, hd, r);

            newQ = -0.5 * (LibLinearBlas.ddot(n, s, r) - LibLinearBlas.ddot(n, s, g));
            qdiff = newQ - q;
            if (newQ <= 0 && qdiff <= 0) {
                if (cgIter * qdiff >= cgtol * newQ) {
                    break;
                }
            } else {
                break;
            }
            q = newQ;

            for (i = 0; i < n; i++) {
                z[i] = r[i] / m[i];
            }
            znewTrnew = LibLinearBlas.ddot(n, z, r);
            beta = znewTrnew / zTr;
            LibLinearBlas.dscal(n, beta, dd);
            LibLinearBlas.daxpy(n, one, z, dd);
            zTr = znewTrnew;
        }
        return cgIter;
    }

    // ---- L2R_LrFunction / L2R_ErmFunction ------------------------------------------------------------------

    private double cTimesLoss(int i, double wxI) {
        double ywxI = wxI * y[i];
        if (ywxI >= 0) {
            return c * Math.log(1 + Math.exp(-ywxI));
        } else {
            return c * (-ywxI + Math.log(1 + Math.exp(ywxI)));
        }
    }

    /** L2R_ErmFunction.fun: wx = Xw, then the losses summed in row order, plus wᵀw / 2. */
    private double fun(double[] w) {
        double f = 0;
        wTw = 0;
        xv(w, wx);
        for (int i = 0; i < n; i++) {
            wTw += w[i] * w[i];
        }
        for (int i = 0; i < l; i++) {
            f += cTimesLoss(i, wx[i]);
        }
        f = f + 0.5 * wTw;
        return f;
    }

    private void grad(double[] w, double[] g) {
        for (int i = 0; i < l; i++) {
            tmp[i] = 1 / (1 + Math.exp(-y[i] * wx[i]));
            d[i] = tmp[i] * (1 - tmp[i]);
            tmp[i] = c * (tmp[i] - 1) * y[i];
        }
        xTv(tmp, g);
        for (int i = 0; i < n; i++) {
            g[i] = w[i] + g[i];
        }
    }

    private void diagPreconditioner(double[] m) {
        for (int i = 0; i < n; i++) {
            m[i] = 1;
        }
        if (value == null) {
            for (int i = 0; i < l; i++) {
                double cd = c * d[i]; // liblinear: x·x·C·D = ((1·1)·C)·D
                for (int k = start[i], e = start[i + 1]; k < e; k++) {
                    m[index[k]] += cd;
                }
            }
        } else {
            for (int i = 0; i < l; i++) {
                for (int k = start[i], e = start[i + 1]; k < e; k++) {
                    double v = value[k];
                    m[index[k]] += v * v * c * d[i];
                }
            }
        }
    }

    /** Hs = s + Σᵢ C·Dᵢ·(xᵢᵀs)·xᵢ, rows in order (each row's dot product, then its update, as liblinear). */
    private void hv(double[] s, double[] hs) {
        for (int i = 0; i < n; i++) {
            hs[i] = 0;
        }
        if (value == null) {
            hvOnes(s, hs);
        } else {
            for (int i = 0; i < l; i++) {
                int b = start[i];
                int e = start[i + 1];
                double xTs = 0;
                for (int k = b; k < e; k++) {
                    xTs += s[index[k]] * value[k];
                }
                xTs = c * d[i] * xTs;
                for (int k = b; k < e; k++) {
                    hs[index[k]] += xTs * value[k];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            hs[i] = s[i] + hs[i];
        }
    }

    /**
     * The values-1 Hessian-vector product. Four rows' dot products are summed side by side (four independent chains,
     * each in its row's order), then the rows' updates are applied one row after the other: the same additions into
     * every element of hs in the same order as liblinear's row-by-row loop.
     */
    private void hvOnes(double[] s, double[] hs) {
        int[] idx = index;
        double[] dots = new double[4];
        int i = 0;
        for (; i + 3 < l; i += 4) {
            dots4(s, i, dots);
            for (int q = 0; q < 4; q++) {
                double xTs = c * d[i + q] * dots[q];
                for (int k = start[i + q], e = start[i + q + 1]; k < e; k++) {
                    hs[idx[k]] += xTs;
                }
            }
        }
        for (; i < l; i++) {
            int b = start[i];
            int e = start[i + 1];
            double xTs = 0;
            for (int k = b; k < e; k++) {
                xTs += s[idx[k]];
            }
            xTs = c * d[i] * xTs;
            for (int k = b; k < e; k++) {
                hs[idx[k]] += xTs;
            }
        }
    }

    /** The dot products with v of rows i to i + 3 (values 1), each summed in its row's order. */
    private void dots4(double[] v, int i, double[] out) {
        int[] idx = index;
        int b0 = start[i];
        int b1 = start[i + 1];
        int b2 = start[i + 2];
        int b3 = start[i + 3];
        int e3 = start[i + 4];
        int len = b1 - b0;
        double x0 = 0;
        double x1 = 0;
        double x2 = 0;
        double x3 = 0;
        if (b2 - b1 == len && b3 - b2 == len && e3 - b3 == len) {
            for (int k = 0; k < len; k++) {
                x0 += v[idx[b0 + k]];
                x1 += v[idx[b1 + k]];
                x2 += v[idx[b2 + k]];
                x3 += v[idx[b3 + k]];
            }
        } else {
            for (int k = b0; k < b1; k++) {
                x0 += v[idx[k]];
            }
            for (int k = b1; k < b2; k++) {
                x1 += v[idx[k]];
            }
            for (int k = b2; k < b3; k++) {
                x2 += v[idx[k]];
            }
            for (int k = b3; k < e3; k++) {
                x3 += v[idx[k]];
            }
        }
        out[0] = x0;
        out[1] = x1;
        out[2] = x2;
        out[3] = x3;
    }

    /** Xv[i] = xᵢᵀv (SparseOperator.dot), four rows side by side when values are 1. */
    private void xv(double[] v, double[] out) {
        int[] idx = index;
        if (value != null) {
            for (int i = 0; i < l; i++) {
                double ret = 0;
                for (int k = start[i], e = start[i + 1]; k < e; k++) {
                    ret += v[idx[k]] * value[k];
                }
                out[i] = ret;
            }
            return;
        }
        double[] dots = new double[4];
        int i = 0;
        for (; i + 3 < l; i += 4) {
            dots4(v, i, dots);
            out[i] = dots[0];
            out[i + 1] = dots[1];
            out[i + 2] = dots[2];
            out[i + 3] = dots[3];
        }
        for (; i < l; i++) {
            double ret = 0;
            for (int k = start[i], e = start[i + 1]; k < e; k++) {
                ret += v[idx[k]];
            }
            out[i] = ret;
        }
    }

    /** XTv = Σᵢ vᵢ·xᵢ, rows in order (SparseOperator.axpy). */
    private void xTv(double[] v, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = 0;
        }
        if (value == null) {
            for (int i = 0; i < l; i++) {
                double a = v[i];
                for (int k = start[i], e = start[i + 1]; k < e; k++) {
                    out[index[k]] += a;
                }
            }
        } else {
            for (int i = 0; i < l; i++) {
                double a = v[i];
                for (int k = start[i], e = start[i + 1]; k < e; k++) {
                    out[index[k]] += a * value[k];
                }
            }
        }
    }

    private double linesearchAndUpdate(double[] w, double[] s, double[] f, double[] g, double alpha) {
        int i;
        double sTs = 0;
        double wTs = 0;
        double gTs = 0;
        double eta = 0.01;
        int maxNumLinesearch = 20;
        double fold = f[0];
        xv(s, tmp);

        for (i = 0; i < n; i++) {
            sTs += s[i] * s[i];
            wTs += s[i] * w[i];
            gTs += s[i] * g[i];
        }

        int numLinesearch;
        for (numLinesearch = 0; numLinesearch < maxNumLinesearch; numLinesearch++) {
            double loss = 0;
            for (i = 0; i < l; i++) {
                double innerProduct = tmp[i] * alpha + wx[i];
                loss += cTimesLoss(i, innerProduct);
            }
            f[0] = loss + (alpha * alpha * sTs + wTw) / 2.0 + alpha * wTs;
            if (f[0] - fold <= eta * alpha * gTs) {
                for (i = 0; i < l; i++) {
                    wx[i] += alpha * tmp[i];
                }
                break;
            } else {
                alpha *= 0.5;
            }
        }

        if (numLinesearch >= maxNumLinesearch) {
            f[0] = fold;
            return 0;
        } else {
            for (i = 0; i < n; i++) {
                w[i] += alpha * s[i];
            }
        }
        wTw += alpha * alpha * sTs + 2 * alpha * wTs;
        return alpha;
    }
}
