package dev.marquee.outlook;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simplex minimiser the Holt-Winters weights are fitted with, on functions whose minimum is known. */
class NelderMeadTest {

    private static final NelderMead UNIT_BOX = new NelderMead(0.001, 0.999, 0.5, 2000);

    @Test
    void minimise_bowlInsideTheBox_findsItsCentre() {
        NelderMead.Minimum minimum = UNIT_BOX.minimise(
                p -> sq(p[0] - 0.3) + 10 * sq(p[1] - 0.7) + 100 * sq(p[2] - 0.2), new double[]{0.95, 0.05, 0.95});

        assertArrayEquals(new double[]{0.3, 0.7, 0.2}, minimum.point(), 1e-5);
        assertTrue(minimum.value() < 1e-9, "value " + minimum.value());
    }

    @Test
    void minimise_bowlCentredOutsideTheBox_approachesTheNearestCorner() {
        NelderMead.Minimum minimum = UNIT_BOX.minimise(p -> sq(p[0] - 1.5) + sq(p[1] + 0.5), new double[]{0.5, 0.5});

        assertArrayEquals(new double[]{0.999, 0.001}, minimum.point(), 1e-4);
        assertEquals(sq(0.501) + sq(0.501), minimum.value(), 1e-3);
    }

    @Test
    void minimise_narrowCurvedValley_reachesTheBottom() {
        // Rosenbrock's valley, scaled into the box: minimum 0 at (0.5, 0.5).
        NelderMead.Minimum minimum = UNIT_BOX.minimise(p -> {
            double x = 4 * p[0] - 1;
            double y = 4 * p[1] - 1;
            return sq(1 - x) + 100 * sq(y - x * x);
        }, new double[]{0.1, 0.9});

        assertArrayEquals(new double[]{0.5, 0.5}, minimum.point(), 1e-4);
    }

    @Test
    void minimise_evaluationBudget_isKept() {
        AtomicInteger calls = new AtomicInteger();
        NelderMead tight = new NelderMead(0.001, 0.999, 0.5, 50);

        tight.minimise(p -> {
            calls.incrementAndGet();
            return sq(p[0] - 0.3) + sq(p[1] - 0.6) + sq(p[2] - 0.9);
        }, new double[]{0.9, 0.1, 0.1});

        // The budget is checked once per step; a step (a shrink) takes at most one evaluation per vertex.
        assertTrue(calls.get() <= 50 + 4, calls.get() + " evaluations");
    }

    @Test
    void minimise_flatFunction_stopsInsideTheBoxWithItsValue() {
        // A series that never changes: every set of weights fits it with no error.
        AtomicInteger calls = new AtomicInteger();

        NelderMead.Minimum minimum = UNIT_BOX.minimise(p -> {
            calls.incrementAndGet();
            return 0;
        }, new double[]{0.5, 0.5});

        assertEquals(0, minimum.value());
        assertTrue(minimum.point()[0] > 0 && minimum.point()[0] < 1 && minimum.point()[1] > 0 && minimum.point()[1] < 1);
        assertTrue(calls.get() < 2000, "it converges rather than spending the budget: " + calls.get());
    }

    @Test
    void minimise_notANumberOnPartOfTheBox_findsTheMinimumOfTheRest() {
        NelderMead.Minimum minimum = UNIT_BOX.minimise(p -> p[0] > 0.6 ? Double.NaN : sq(p[0] - 0.3), new double[]{0.2});

        assertEquals(0.3, minimum.point()[0], 1e-5);
        assertTrue(Double.isFinite(minimum.value()));
    }

    @Test
    void minimise_oneDimension_findsTheMinimum() {
        NelderMead.Minimum minimum = UNIT_BOX.minimise(p -> sq(p[0] - 0.25), new double[]{0.9});

        assertEquals(0.25, minimum.point()[0], 1e-5);
    }

    private static double sq(double value) {
        return value * value;
    }
}
