package dev.marquee.outlook;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticRegressionTest {

    @Test
    void choleskySolve_smallSystems_equalTheHandSolution() {
        // [[4, 2], [2, 3]] x = [2, 1]: the inverse is [[3, -2], [-2, 4]] / 8, so x = [4, 0] / 8.
        assertArrayEquals(new double[]{0.5, 0}, LogisticRegression.choleskySolve(new double[][]{{4, 2}, {2, 3}}, new double[]{2, 1}), 1e-15);
        // L = [[2, 0, 0], [1, 3, 0], [0, 1, 1]] gives A = L·Lᵀ = [[4, 2, 0], [2, 10, 3], [0, 3, 2]]; x = [1, -1, 2] gives b = A·x.
        assertArrayEquals(new double[]{1, -1, 2}, LogisticRegression.choleskySolve(
                new double[][]{{4, 2, 0}, {2, 10, 3}, {0, 3, 2}}, new double[]{2, -2, 1}), 1e-12);
    }

    @Test
    void choleskySolve_notPositiveDefinite_saysSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogisticRegression.choleskySolve(new double[][]{{1, 2}, {2, 1}}, new double[]{1, 1}));

        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
    }

    @Test
    void fit_plantedSignal_getsTheSignsRightAndSeparatesWell() {
        // Churn odds rise with failed payments and days since last activity, fall with watch hours; noise is unrelated.
        SplittableRandom random = new SplittableRandom(11);
        int n = 4000;
        double[][] x = new double[n][4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextInt(4);
            x[i][1] = random.nextDouble() * 60;
            x[i][2] = random.nextDouble() * 40;
            x[i][3] = random.nextGaussian();
            double z = -3 + 0.9 * x[i][0] + 0.05 * x[i][1] - 0.08 * x[i][2];
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }

        LogisticRegression.Model model = LogisticRegression.fit(x, y);

        assertTrue(model.slopes()[0] > 0 && model.slopes()[1] > 0 && model.slopes()[2] < 0, java.util.Arrays.toString(model.slopes()));
        assertEquals(0.9, model.slopes()[0], 0.15);
        assertEquals(-0.08, model.slopes()[2], 0.02);
        assertTrue(Math.abs(model.slopes()[3]) < 0.15, "noise has no real effect");
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = model.probability(x[i]);
        }
        assertTrue(LogisticRegression.auc(scores, y) > 0.8);
        LogisticRegression.Model again = LogisticRegression.fit(x, y);
        assertEquals(model.intercept(), again.intercept(), 0.0, "same data, same model");
        org.junit.jupiter.api.Assertions.assertArrayEquals(model.slopes(), again.slopes(), 0.0);
    }

    /**
     * The fit is the maximum-likelihood one the methodology describes, not a shrunk one. With one yes/no feature it has
     * a closed form: of 10 members without it 3 churned, of 10 with it 6, so the intercept is the log-odds 3/7 and the
     * slope the log of the odds ratio (6/4) / (3/7) = 3.5.
     */
    @Test
    void fit_oneYesNoFeature_isTheMaximumLikelihoodOddsRatio() {
        double[][] x = new double[20][1];
        int[] y = new int[20];
        for (int i = 0; i < 20; i++) {
            x[i][0] = i < 10 ? 0 : 1;
            y[i] = (i < 3 || (i >= 10 && i < 16)) ? 1 : 0;
        }

        LogisticRegression.Model model = LogisticRegression.fit(x, y);

        assertEquals(Math.log(3.0 / 7), model.intercept(), 1e-4);
        assertEquals(3.5, model.oddsRatio(0), 1e-3);
        // Its standard error, from the information matrix: √(1/3 + 1/7 + 1/6 + 1/4) per unit of the feature.
        assertEquals(Math.sqrt(1 / 3.0 + 1 / 7.0 + 1 / 6.0 + 1 / 4.0), model.standardErrors()[0] / model.sds()[0], 1e-3);
    }

    /** A feature that separates churners from stayers perfectly has no maximum-likelihood slope: the fit stays finite. */
    @Test
    void fit_perfectSeparation_staysFinite() {
        double[][] x = new double[40][1];
        int[] y = new int[40];
        for (int i = 0; i < 40; i++) {
            x[i][0] = i;
            y[i] = i < 20 ? 0 : 1;
        }

        LogisticRegression.Model model = LogisticRegression.fit(x, y);

        assertTrue(Double.isFinite(model.slopes()[0]) && model.slopes()[0] > 0, String.valueOf(model.slopes()[0]));
        assertTrue(Double.isFinite(model.standardErrors()[0]), String.valueOf(model.standardErrors()[0]));
        assertTrue(model.probability(new double[]{0}) < 0.01 && model.probability(new double[]{39}) > 0.99);
    }

    @Test
    void auc_handComputedWithATie() {
        // Positives scored 0.9 and 0.4; negatives 0.4 and 0.1. Pairs: (0.9>0.4) 1, (0.9>0.1) 1, (0.4=0.4) 0.5, (0.4>0.1) 1 → 3.5/4.
        double auc = LogisticRegression.auc(new double[]{0.9, 0.4, 0.4, 0.1}, new int[]{1, 1, 0, 0});

        assertEquals(0.875, auc, 1e-12);
    }
}
