package dev.marquee.layer;

import dev.marquee.engine.Table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * member_device as of 2024-04-20, on sessions across months, on both sides of the 90-day window (the days after
 * 2024-01-21), after the as-of date, and without a device; each row worked out by hand.
 */
class MemberDeviceTest {

    @RegisterExtension
    static final BuiltLayer LAYER = BuiltLayer.asOf(LocalDate.of(2024, 4, 20), Map.of(
            "users.csv", """
                    user_id,signup_date,country
                    1,2023-12-01,United States
                    2,2023-12-01,Canada
                    3,2023-12-01,France
                    4,2023-12-01,France
                    """,
            "viewing_sessions.csv", """
                    user_id,title_id,started_at,minutes_watched,device,completed
                    1,t1,2024-01-10 20:00:00,100,TV,true
                    1,t1,2024-02-15 20:00:00,40.5,TV,false
                    1,t2,2024-03-01 21:00:00,30,TV,true
                    1,t2,2024-03-02 21:00:00,20,Mobile,true
                    2,t1,2024-01-21 23:30:00,60,Tablet,false
                    2,t2,2024-01-22 00:10:00,15,Tablet,true
                    2,t2,2024-04-21 10:00:00,99,Tablet,true
                    3,t1,2024-02-10 10:00:00,45,,false
                    3,t2,2024-04-20 22:00:00,10,,true
                    4,t1,2023-12-20 10:00:00,30,TV,true
                    """));

    @Test
    void eachMembersDevice_addsUpItsMonths_andItsLast90Days() {
        List<String> rows = LAYER.rows("SELECT user_id, device, minutes, sessions, completed_sessions, last_day, "
                + "minutes_90d, used_last_90_days FROM member_device ORDER BY user_id, device NULLS LAST");
        assertEquals(List.of(
                // 1: 100 on 10 Jan (before the window), 40.5 and 30 in February and March on the TV; 20 on Mobile.
                "1 Mobile 20.00 1 1 2024-03-02 20.00 true",
                "1 TV 170.50 3 2 2024-03-01 70.50 true",
                // 2: the session of 21 Jan is 90 days before the as-of date, outside the window; that of 21 Apr is
                // after the as-of date and not counted at all.
                "2 Tablet 75.00 2 1 2024-01-22 15.00 true",
                // 3: no device named is a device of its own (NULL), as in member_month_device; the as-of day counts.
                "3 null 55.00 2 1 2024-04-20 55.00 true",
                // 4: watched only before the window: no minutes there, not a viewer of it.
                "4 TV 30.00 1 1 2023-12-20 null false"), rows);
    }

    @Test
    void itsTotals_areMemberMonthDevicesTotals() {
        assertEquals(LAYER.engine().query("SELECT sum(minutes), sum(sessions), sum(completed_sessions), max(last_day) FROM member_month_device").rows(),
                LAYER.engine().query("SELECT sum(minutes), sum(sessions), sum(completed_sessions), max(last_day) FROM member_device").rows());
        assertEquals(LAYER.engine().query("SELECT sum(minutes) FROM member_month_device WHERE last_90_days").rows(),
                LAYER.engine().query("SELECT sum(minutes_90d) FROM member_device").rows());
    }

    @Test
    void theMembersWatchHoursAndMainDevice_readIt() {
        // Member 1: 190.5 minutes, most on the TV; member 3 watched on no named device, so has no main device. Doubles
        // come back from the engine to twelve significant digits.
        assertEquals(List.of("1 " + Table.stable(190.5 / 60) + " TV", "3 " + Table.stable(55 / 60.0) + " null"),
                LAYER.rows("SELECT user_id, watch_hours, main_device FROM member WHERE user_id IN ('1', '3') ORDER BY user_id"));
    }
}
