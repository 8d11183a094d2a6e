package dev.marquee.sample;

import java.util.SplittableRandom;

/**
 * Random draws built on {@link SplittableRandom}. Uses {@link StrictMath} so that the same seed gives the same
 * numbers on every JVM ({@link Math} may use platform intrinsics that differ in the last bit).
 */
final class Draw {

    private Draw() {
    }

    static boolean chance(SplittableRandom rng, double probability) {
        return rng.nextDouble() < probability;
    }

    /** Standard normal (Box-Muller, one value per call). */
    static double normal(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1], so the log is finite
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    static double normal(SplittableRandom rng, double mean, double sd) {
        return mean + sd * normal(rng);
    }

    /** Number of failures before the first success, with the given mean. */
    static int geometric(SplittableRandom rng, double mean) {
        double p = 1.0 / (1.0 + mean);
        double u = 1.0 - rng.nextDouble();
        return (int) StrictMath.floor(StrictMath.log(u) / StrictMath.log(1.0 - p));
    }

    /** Index drawn in proportion to the weights. */
    static int index(SplittableRandom rng, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Index drawn from cumulative weights (ascending, last = total), by binary search. */
    static int fromCumulative(SplittableRandom rng, double[] cumulative) {
        double target = rng.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }
}
