package dev.marquee.query;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PriceStepTest {

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    @Test
    void theStep_isTheFirstRoundAmountAtOrAboveKTimesTheSpread() {
        // The sample's prices: 8.99 to 24.99, a spread of 16.00; ten times that is 160, and the first of 1, 2, 5 × 10^n
        // at or above it is 200.
        assertEquals(d("200.00"), PriceStep.of(d("8.99"), d("24.99"), 10).step());
        // Kaggle's userbase: 10 to 15 dollars, k 10: 50 exactly.
        assertEquals(d("50.00"), PriceStep.of(d("10"), d("15"), 10).step());
        // A churn table's charges, 18.25 to 118.75: 1,005 → 2,000.
        assertEquals(d("2000.00"), PriceStep.of(d("18.25"), d("118.75"), 10).step());
        assertEquals(d("1.00"), PriceStep.of(d("9.99"), d("10.09"), 10).step());
        assertEquals(d("0.01"), PriceStep.niceAtLeast(d("0.003")));
        assertEquals(d("500.00"), PriceStep.niceAtLeast(d("201")));
        assertEquals(d("1000.00"), PriceStep.niceAtLeast(d("501")));
    }

    @Test
    void oneSinglePrice_roundsNothing() {
        PriceStep one = PriceStep.of(d("9.99"), d("9.99"), 10);
        assertFalse(one.rounds());
        assertEquals(d("267.73"), one.round(d("267.73")));
        assertFalse(PriceStep.NONE.rounds());
        assertFalse(PriceStep.of(d("8.99"), d("24.99"), 1).rounds(), "at k = 1 no group is too small to show");
    }

    @Test
    void aSum_roundsToTheNearestStep_halvesUp_andAPositiveSumIsNeverZero() {
        PriceStep step = PriceStep.of(d("8.99"), d("24.99"), 10);
        // The Colombia slice's Basic: 267.73 from 27 members gave the 2 who pay 8.99; rounded, it is 200.
        assertEquals(d("200.00"), step.round(d("267.73")));
        assertEquals(d("400.00"), step.round(d("438.69")));
        assertEquals(d("400.00"), step.round(d("300.00")));
        assertEquals(d("200.00"), step.round(d("299.99")));
        assertEquals(d("16800.00"), step.round(d("16721.51")));
        assertEquals(d("200.00"), step.round(d("89.90")), "ten members at 8.99 are not shown paying nothing");
        assertEquals(d("0.00"), step.round(d("0")));
        assertEquals(d("-200.00"), step.round(d("-150")));
    }

    @Test
    void nearbySplitsOfMembersBetweenTwoPrices_roundAlike() {
        // 27 members at 8.99 or 9.99: every split from 0 to 27 at 8.99 gives a sum from 242.73 to 269.73, all of which
        // round to 200 — the published figure no longer tells the split.
        PriceStep step = PriceStep.of(d("8.99"), d("24.99"), 10);
        for (int atOld = 0; atOld <= 27; atOld++) {
            BigDecimal sum = d("8.99").multiply(BigDecimal.valueOf(atOld)).add(d("9.99").multiply(BigDecimal.valueOf(27 - atOld)));
            assertEquals(d("200.00"), step.round(sum), atOld + " at 8.99");
        }
    }
}
