package dev.marquee.layer;

import dev.marquee.engine.DuckDbEngine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * member_month on subscriptions that switch plans, overlap, leave a gap and end in the as-of month (neither the
 * questions' fixture nor the generated sample has a plan switch), as of 2024-03-31; each row worked out by hand.
 */
class MemberMonthTest {

    private static final Map<String, String> FILES = Map.of(
            "users.csv", """
                    user_id,signup_date,country
                    1,2024-01-31,United States
                    2,2024-01-15,Canada
                    3,2024-02-05,France
                    4,2024-01-30,Canada
                    5,2024-01-31,Canada
                    """,
            // 1 switches from Basic to Premium on 29 Feb (both active that day); 2 leaves on 20 Feb and is back on
            // 22 Feb; 3 leaves on 10 Mar, in the as-of month.
            "subscriptions.csv", """
                    subscription_id,user_id,plan,started_on,ended_on,monthly_price
                    a,1,Basic,2024-01-31,2024-02-29,8.99
                    b,1,Premium,2024-02-29,,22.99
                    c,2,Standard,2024-01-15,2024-02-20,15.49
                    d,2,Standard,2024-02-22,,15.49
                    e,3,Basic,2024-02-05,2024-03-10,8.99
                    f,4,Basic,2024-01-30,2024-02-29,8.99
                    g,5,Basic,2024-01-31,2024-02-28,8.99
                    """);

    @RegisterExtension
    static final BuiltLayer LAYER = BuiltLayer.asOf(LocalDate.of(2024, 3, 31), FILES);

    private static List<String> months(String user) {
        return LAYER.rows("SELECT month, month_end, active_at_start, active_at_end, mrr_at_end, churned, "
                + "active_on_signup_day FROM member_month WHERE user_id = '" + user + "' ORDER BY month");
    }

    @Test
    void aPlanSwitch_isNotChurn_andBothPricesCountOnTheDayTheyOverlap() {
        // Signed up on 31 Jan: the signup day of February is the 29th, of March the 31st.
        assertEquals(List.of(
                "2024-01-01 2024-01-31 false true 8.99 false true",
                "2024-02-01 2024-02-29 true true 31.98 false true",
                "2024-03-01 2024-03-31 true true 22.99 false true"), months("1"));
    }

    @Test
    void theSignupDayOfAShorterMonth_isItsLastDay() {
        // Signed up on 30 and 31 Jan: February's signup day is the 29th for both. Member 4's subscription ends that
        // day, so it is active on it; member 5's ends on the 28th, so it is not, and it has left by the month's end.
        assertEquals(List.of(
                "2024-01-01 2024-01-31 false true 8.99 false true",
                "2024-02-01 2024-02-29 true true 8.99 true true"), months("4"));
        assertEquals(List.of(
                "2024-01-01 2024-01-31 false true 8.99 false true",
                "2024-02-01 2024-02-29 true false null true false"), months("5"));
    }

    @Test
    void theAsOfMonthsSignupDay_countsOnceItHasCome() throws Exception {
        // As of 20 March: member 1's March signup day is the 31st, not come yet, though Premium is active; member 3's is
        // the 5th, when Basic was still active (it ended on the 10th). Months since signup count from the signup month.
        try (DuckDbEngine twentieth = BuiltLayer.of(FILES, LocalDate.of(2024, 3, 20))) {
            assertEquals(List.of(List.of("2024-01-01", 0L, true), List.of("2024-02-01", 1L, true), List.of("2024-03-01", 2L, false),
                            List.of("2024-02-01", 0L, true), List.of("2024-03-01", 1L, true)),
                    twentieth.query("SELECT CAST(month AS VARCHAR), CAST(months_since_signup AS BIGINT), active_on_signup_day "
                            + "FROM member_month WHERE user_id IN (1, 3) ORDER BY user_id, month").rows());
        }
    }

    @Test
    void aReturnAfterADayAway_isChurn() {
        // Not active on 21 Feb, the day after the first subscription ended; the second counts at the end of February.
        assertEquals(List.of(
                "2024-01-01 2024-01-31 false true 15.49 false true",
                "2024-02-01 2024-02-29 true true 15.49 true true",
                "2024-03-01 2024-03-31 true true 15.49 false true"), months("2"));
    }

    @Test
    void leavingInTheAsOfMonth_isChurnUpToTheAsOfDate() {
        // Active on 5 Mar (its signup day), gone by 31 Mar: no fee at the month's end.
        assertEquals(List.of(
                "2024-02-01 2024-02-29 false true 8.99 false true",
                "2024-03-01 2024-03-31 true false null true true"), months("3"));
    }
}
