package dev.marquee.outlook;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Minimises a function of a few parameters inside a box with the Nelder–Mead simplex method (Nelder and Mead, 1965,
 * with the usual coefficients: reflection 1, expansion 2, contraction ½, shrink ½), as the forecast package's ets()
 * fits exponential smoothing. The simplex moves in unbounded coordinates that a logistic curve maps into the box, so
 * it never flattens against a bound, and a minimum on a bound is approached as closely as the tolerance asks.
 * Deterministic: the same function and start give the same point.
 *
 * @param lower          every parameter's lower bound
 * @param upper          every parameter's upper bound
 * @param initialStep    how far the first simplex reaches from the start along each axis, in the unbounded
 *                       coordinates (1 reaches about a quarter of the box from its middle)
 * @param maxEvaluations evaluations after which the best point so far is returned
 */
record NelderMead(double lower, double upper, double initialStep, int maxEvaluations) {

    /** The best point found and its value. */
    record Minimum(double[] point, double value) {
    }

    Minimum minimise(ToDoubleFunction<double[]> boxed, double[] start) {
        int n = start.length;
        ToDoubleFunction<double[]> function = u -> boxed.applyAsDouble(toBox(u));
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = fromBox(start);
        for (int i = 0; i < n; i++) {
            double[] vertex = simplex[0].clone();
            vertex[i] += vertex[i] <= 0 ? initialStep : -initialStep;
            simplex[i + 1] = vertex;
        }
        int evaluations = 0;
        for (int i = 0; i <= n; i++) {
            values[i] = function.applyAsDouble(simplex[i]);
            evaluations++;
        }
        Integer[] order = new Integer[n + 1];
        while (true) {
            sort(simplex, values, order);
            if (evaluations >= maxEvaluations || converged(simplex, values)) {
                return new Minimum(toBox(simplex[0]), values[0]);
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] worst = simplex[n];
            double[] reflected = along(centroid, worst, 1);
            double reflectedValue = function.applyAsDouble(reflected);
            evaluations++;
            if (reflectedValue < values[0]) {
                double[] expanded = along(centroid, worst, 2);
                double expandedValue = function.applyAsDouble(expanded);
                evaluations++;
                if (expandedValue < reflectedValue) {
                    replaceWorst(simplex, values, expanded, expandedValue);
                } else {
                    replaceWorst(simplex, values, reflected, reflectedValue);
                }
                continue;
            }
            if (reflectedValue < values[n - 1]) {
                replaceWorst(simplex, values, reflected, reflectedValue);
                continue;
            }
            boolean outside = reflectedValue < values[n];
            double[] contracted = along(centroid, worst, outside ? 0.5 : -0.5);
            double contractedValue = function.applyAsDouble(contracted);
            evaluations++;
            if (contractedValue < (outside ? reflectedValue : values[n])) {
                replaceWorst(simplex, values, contracted, contractedValue);
                continue;
            }
            for (int i = 1; i <= n; i++) {
                for (int j = 0; j < n; j++) {
                    simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
                }
                values[i] = function.applyAsDouble(simplex[i]);
                evaluations++;
            }
        }
    }

    /** The point {@code centroid + coefficient · (centroid − worst)}. */
    private static double[] along(double[] centroid, double[] worst, double coefficient) {
        double[] point = new double[centroid.length];
        for (int j = 0; j < point.length; j++) {
            point[j] = centroid[j] + coefficient * (centroid[j] - worst[j]);
        }
        return point;
    }

    private double[] toBox(double[] unbounded) {
        double[] point = new double[unbounded.length];
        for (int j = 0; j < point.length; j++) {
            point[j] = lower + (upper - lower) / (1 + Math.exp(-unbounded[j]));
        }
        return point;
    }

    private double[] fromBox(double[] point) {
        double[] unbounded = new double[point.length];
        for (int j = 0; j < point.length; j++) {
            // A start on a bound maps to a large finite coordinate rather than an infinite one.
            double share = Math.min(1 - 1e-9, Math.max(1e-9, (point[j] - lower) / (upper - lower)));
            unbounded[j] = Math.log(share / (1 - share));
        }
        return unbounded;
    }

    private static void replaceWorst(double[][] simplex, double[] values, double[] point, double value) {
        simplex[simplex.length - 1] = point;
        values[values.length - 1] = value;
    }

    /** Best first; ties keep their order, so the result does not depend on the sort's stability. */
    private static void sort(double[][] simplex, double[] values, Integer[] order) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> values[a] != values[b] ? Double.compare(values[a], values[b]) : Integer.compare(a, b));
        double[][] sortedPoints = new double[simplex.length][];
        double[] sortedValues = new double[values.length];
        for (int i = 0; i < order.length; i++) {
            sortedPoints[i] = simplex[order[i]];
            sortedValues[i] = values[order[i]];
        }
        System.arraycopy(sortedPoints, 0, simplex, 0, simplex.length);
        System.arraycopy(sortedValues, 0, values, 0, values.length);
    }

    /** The values agree to about ten significant digits and the vertices to a millionth (unbounded coordinates). */
    private static boolean converged(double[][] simplex, double[] values) {
        double best = values[0];
        double worst = values[values.length - 1];
        if (Math.abs(worst - best) > 1e-10 * (Math.abs(best) + 1e-12)) {
            return false;
        }
        for (int i = 1; i < simplex.length; i++) {
            for (int j = 0; j < simplex[0].length; j++) {
                if (Math.abs(simplex[i][j] - simplex[0][j]) > 1e-6) {
                    return false;
                }
            }
        }
        return true;
    }
}
