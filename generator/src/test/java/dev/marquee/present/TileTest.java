package dev.marquee.present;

import dev.marquee.format.Tone;
import dev.marquee.format.Unit;
import dev.marquee.history.Targets;
import dev.marquee.report.Kpi;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A KPI's tile: its changes written out and their tone, decided once for the site and the PDF. */
class TileTest {

    private Kpi kpi;

    @Test
    void aRateThatRose_isBadNewsWhenLowerIsBetter_inPoints() {
        givenKpi(Unit.PERCENT, 0.05, Optional.of(0.04), Optional.empty(), false);

        Tile tile = thenTile();

        assertEquals("5.0%", tile.value());
        assertEquals(new Tile.Change("+1.00 pts", Tone.BAD, "vs a month earlier"), tile.vsPreviousMonth());
        assertEquals(new Tile.Change("n/a", Tone.NOT_COMPARED, "vs a year earlier"), tile.vsYearAgo(), "no figure a year earlier");
        assertTrue(tile.compared());
    }

    @Test
    void membersThatGrew_isGoodNews_asAPercentChange() {
        givenKpi(Unit.MEMBERS, 1_100, Optional.of(1_000.0), Optional.of(1_100.0), true);

        Tile tile = thenTile();

        assertEquals("1,100 members", tile.value());
        assertEquals(new Tile.Change("+10.0%", Tone.GOOD, "vs a month earlier"), tile.vsPreviousMonth());
        assertEquals(Tone.FLAT, tile.vsYearAgo().tone(), "the same as a year earlier: neither good nor bad");
    }

    @Test
    void aFileOfOneMoment_hasNothingToCompare_andNoSparklineWithoutHistory() {
        givenKpi(Unit.USD, 16.41, Optional.empty(), Optional.empty(), true);

        Tile tile = thenTile();

        assertFalse(tile.compared());
        assertEquals("$16.41", tile.value());
        assertTrue(tile.sparkline().isEmpty());
        assertTrue(tile.targets().isEmpty());
    }

    @Test
    void aFigureHiddenForPrivacy_readsNotPublished_asOnTheCountriesPages_andOneTheDataCannotGive_readsNA() {
        kpi = new Kpi("churn_rate", "Churn rate", Unit.PERCENT, Double.NaN, Optional.empty(), Optional.empty(), false, false,
                "month to the as-of day; " + dev.marquee.privacy.KpiGroups.HIDDEN + "10 members");
        assertEquals("Not published", thenTile().value());

        kpi = new Kpi("active_members", "Active members", Unit.MEMBERS, Double.NaN, Optional.empty(), Optional.empty(), false, true,
                "on the as-of date; " + dev.marquee.privacy.AcrossSlices.HIDDEN + "10 members be worked out from the whole report");
        assertEquals("Not published", thenTile().value());

        // A rate of no members at all: nothing hidden, nothing to give.
        kpi = new Kpi("churn_rate", "Churn rate", Unit.PERCENT, Double.NaN, Optional.empty(), Optional.empty(), false, false,
                "month to the as-of day");
        assertEquals("n/a", thenTile().value());
    }

    private void givenKpi(Unit unit, double value, Optional<Double> monthBefore, Optional<Double> yearBefore, boolean higherIsBetter) {
        kpi = new Kpi("k", "A figure", unit, value, monthBefore, yearBefore, false, higherIsBetter, "Nov 2024 vs Oct 2024");
    }

    private Tile thenTile() {
        return Tile.of(kpi, Optional.empty(), Targets.none());
    }

    /**
     * Given three member files of 2,500, 5,000 and 25,000 members (the six public files' tiles), when their tiles are
     * made, then all three are written in full: the overview had "25K members" beside "2,500 members". From a million a
     * count is shortened, whichever tile it is on.
     */
    @Test
    void memberCountsOnOnePage_underAMillion_areAllWrittenInFull() {
        java.util.List<String> values = java.util.stream.DoubleStream.of(2_500, 5_000, 25_000, 1_234_567)
                .mapToObj(v -> Tile.of(new Kpi("members", "Members", Unit.MEMBERS, v, Optional.empty(), Optional.empty(), false, true, ""),
                        Optional.empty(), Targets.none()).value()).toList();

        assertEquals(java.util.List.of("2,500 members", "5,000 members", "25,000 members", "1.2M members"), values);
    }
}
