package dev.marquee.report;

import dev.marquee.format.Unit;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A KPI tile hidden for two reasons says them in one clause: the Middle East & Africa slice stacked two "not shown where". */
class KpiHidingTest {

    private static Kpi signups(String comparison) {
        return new Kpi("new_signups", "New signups", Unit.COUNT, 12, Optional.of(10.0), Optional.of(8.0), true, true, comparison);
    }

    @Test
    void aSecondReason_joinsTheFirstOnesClause() {
        Kpi hidden = signups("1–31 Dec 2024 vs 1–30 Nov 2024; not shown where it would describe fewer than 10 members")
                .hiding(Set.of("value"), "not shown where, with the slices that do not show it, it would let fewer than 10 members "
                        + "be worked out from the whole report");

        assertEquals("1–31 Dec 2024 vs 1–30 Nov 2024; not shown where it would describe fewer than 10 members, or, with the slices "
                + "that do not show it, it would let fewer than 10 members be worked out from the whole report", hidden.comparison());
        assertTrue(Double.isNaN(hidden.value()));
    }

    @Test
    void aFirstReason_followsTheWindows() {
        Kpi hidden = signups("1–31 Dec 2024 vs 1–30 Nov 2024").hiding(Set.of("previous_month"), "not shown where it would describe "
                + "fewer than 10 members");

        assertEquals("1–31 Dec 2024 vs 1–30 Nov 2024; not shown where it would describe fewer than 10 members", hidden.comparison());
        assertEquals(Optional.empty(), hidden.previousMonth());
    }
}
