package dev.marquee.layer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layer's viewing and rating tables as of 2024-03-31 take what happened up to the last second of that day and
 * nothing from the next: each table compares the event's time with the start of the day after. Loaded without
 * validation, which would set the later rows aside before the layer sees them.
 */
class AsOfBoundaryTest {

    @RegisterExtension
    static final BuiltLayer LAYER = BuiltLayer.asOf(LocalDate.of(2024, 3, 31), Map.of(
            "users.csv", """
                    user_id,signup_date,country
                    1,2024-01-10,Canada
                    2,2024-01-20,France
                    """,
            "titles.csv", """
                    title_id,title,type,genres,release_year
                    t1,Alpha,Movie,Drama,2020
                    """,
            // Member 1: the last second of the as-of day counts, the first second of the next does not. Member 2: a
            // session on 29 February and one on 1 March, both in the 30-day period 30 to 59 days back (period 1).
            "viewing_sessions.csv", """
                    user_id,title_id,started_at,minutes_watched,device,completed
                    1,t1,2024-03-31 23:59:59,30.00,TV,true
                    1,t1,2024-04-01 00:00:00,45.00,TV,true
                    2,t1,2024-02-29 12:00:00,20.00,Mobile,false
                    2,t1,2024-03-01 00:00:00,10.00,Mobile,false
                    """,
            "ratings.csv", """
                    user_id,title_id,rated_at,score
                    1,t1,2024-03-31 23:59:59,4
                    2,t1,2024-04-01 00:00:00,2
                    """));

    @Test
    void memberTitle_takesTheAsOfDaysLastSecond_notTheNextDaysFirst() {
        assertEquals(List.of("1 t1 30.00 1 1", "2 t1 30.00 2 0"),
                LAYER.rows("SELECT user_id, title_id, minutes, sessions, completed_sessions FROM member_title ORDER BY user_id"));
    }

    @Test
    void memberMonthDevice_splitsTheMonths_andNamesEachByItsFirstDay() {
        // Periods: 31 March is 0 days back (period 0); 29 February 31 days and 1 March 30 days back (period 1).
        assertEquals(List.of(
                        "1 2024-03-01 TV true true 0 30.00 1 1 2024-03-31 2024-03-31",
                        "2 2024-02-01 Mobile true true 1 20.00 1 0 2024-02-29 2024-02-29",
                        "2 2024-03-01 Mobile true true 1 10.00 1 0 2024-03-01 2024-03-01"),
                LAYER.rows("SELECT user_id, month, device, month_to_date, last_90_days, recent_period, minutes, sessions, "
                        + "completed_sessions, first_day, last_day FROM member_month_device ORDER BY user_id, month"));
    }

    @Test
    void titlePeriod_countsTheMonthsSessionsUpToTheAsOfDate() {
        assertEquals(List.of("2024-02-01 2024-02-29 1.0 0", "2024-03-01 2024-03-31 2.0 1"),
                LAYER.rows("SELECT period_start, period_end, views, completions FROM title_period ORDER BY period_start"));
    }

    @Test
    void genreRating_takesTheRatingsUpToTheAsOfDate() {
        assertEquals(List.of("Drama 1 4.0 1"), LAYER.rows("SELECT genre, ratings, average_score, raters FROM genre_rating"));
    }
}
