package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.GroupSpec.Small;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The disclosure rule on small tables whose every expectation is worked out by hand in the comments, k = 10 throughout.
 * Rows are written as "label:value,value,...", empty for a hidden value.
 */
class GroupedTableTest {

    private static final int K = 10;
    private static final String OTHER = Disclosure.OTHER;

    @Test
    void merge_aSmallGroupJoinsOther_andOtherTakesTheNextSmallestWhileItIsUnderK() {
        // C (3) is small; Other would hold 3, which total − A − B reveals, so B (20) joins it: Other = 23.
        Table safe = protect(table("country", "members", "A:50", "B:20", "C:3"), merge("country", "members"));
        assertEquals(List.of("A:50", OTHER + ":23"), rows(safe));
    }

    @Test
    void merge_nestedInRegions_aRegionsMergedCountriesHoldKToo_orItsTotalWouldGiveThem() {
        // Regions R1 (A 50, B 30, C 3) and R2 (D 40, E 20), their totals published elsewhere. C (3) joins Other. R1's
        // total 83 minus A and B would give C's 3: B (30), R1's next smallest, joins it, and Other = 33 holds k on its
        // own: E stays. Without the regions, E (the smallest row) would join instead, and R1 minus A and B give 3.
        GroupSpec spec = new GroupSpec("t", "members", false, List.of(), List.of(), List.of(), Small.MERGE, Optional.of("country"),
                Optional.empty(), List.of(), List.of(), 1, Optional.of("region"));
        Map<String, String> regions = Map.of("A", "R1", "B", "R1", "C", "R1", "D", "R2", "E", "R2");
        Table safe = GroupedTable.protect(table("country", "members", "A:50", "B:30", "C:3", "D:40", "E:20"), spec, K, Map.of(), regions).table();
        assertEquals(List.of("A:50", "D:40", "E:20", OTHER + ":33"), rows(safe));
        // Without the regions, only the total is protected.
        assertEquals(List.of("A:50", "B:30", "D:40", OTHER + ":23"), rows(protect(table("country", "members", "A:50", "B:30", "C:3", "D:40", "E:20"),
                merge("country", "members"))));
    }

    @Test
    void crossTab_nestedInRegions_aSmallCountryMergedAway_takesItsRegionsNextSmallestCountryWithIt() {
        // Plans within countries: C (4 members) is too small for any plan, and E (16, the next smallest country) joins it
        // so that Other holds k. But R1's total minus A's and B's plans would give C's 4: B (18), R1's next smallest
        // country, is merged too. Other = 4 + 16 + 18.
        GroupSpec spec = new GroupSpec("t", "members", false, List.of(), List.of(), List.of(), Small.MERGE, Optional.of("plan"),
                Optional.of("country"), List.of(), List.of(), 1, Optional.of("region"));
        Map<String, String> regions = Map.of("A", "R1", "B", "R1", "C", "R1", "D", "R2", "E", "R2");
        Table safe = GroupedTable.protect(table(List.of("country", "plan"), "members", "A|Basic:30", "A|Premium:20", "B|Basic:18",
                "C|Basic:4", "D|Basic:25", "D|Premium:15", "E|Basic:16"), spec, K, Map.of(), regions).table();
        List<String> countries = safe.rows().stream().map(r -> String.valueOf(r.get(0))).distinct().toList();
        assertEquals(List.of("A", "D", OTHER), countries);
        assertEquals(38.0, safe.rows().stream().filter(r -> r.get(0).equals(OTHER)).mapToDouble(r -> ((Number) r.get(2)).doubleValue()).sum());
    }

    @Test
    void merge_smallGroupsTogetherReachingK_formOtherOnTheirOwn() {
        Table safe = protect(table("country", "members", "A:50", "B:6", "C:5"), merge("country", "members"));
        assertEquals(List.of("A:50", OTHER + ":11"), rows(safe));
    }

    @Test
    void merge_aPartUnderK_mergesItsRow_andTheNextSmallestPartJoinsIt() {
        // B has 3 churners (a group of 3): B joins Other. Other's 3 churners would be revealed by the total churners,
        // so the row with the fewest churners left, C (12), joins too: Other = 40 + 60 members, 3 + 12 churners.
        GroupSpec spec = new GroupSpec("t", "members", false, List.of("churners"), List.of(),
                List.of(GroupSpec.Ratio.parse("rate = churners / members").orElseThrow()), Small.MERGE, Optional.of("country"),
                Optional.empty(), List.of(), List.of(), 1);
        Table safe = protect(table("country", "members,churners,rate", "A:100,20,0.2", "B:40,3,0.075", "C:60,12,0.2"), spec);
        assertEquals(List.of("A:100,20,0.2", OTHER + ":100,15,0.15"), rows(safe));
    }

    @Test
    void merge_theRestOfAGroupUnderK_isASmallGroupToo() {
        // B: 12 members of whom 8 churned: the 4 who stayed are a group of 4, and the 8 churners another: B is merged.
        // Other's 8 churners are then under k: A (20 churners) joins, and everything is one row.
        GroupSpec spec = new GroupSpec("t", "members", false, List.of("churners"), List.of(), List.of(), Small.MERGE,
                Optional.of("country"), Optional.empty(), List.of(), List.of(), 1);
        Table safe = protect(table("country", "members,churners", "A:100,20", "B:12,8"), spec);
        assertEquals(List.of(OTHER + ":112,28"), rows(safe));
    }

    @Test
    void merge_everythingTogetherUnderK_publishesNothing() {
        Table safe = protect(table("country", "members", "A:4", "B:3"), merge("country", "members"));
        assertEquals(List.of(), rows(safe));
    }

    @Test
    void crossTab_aSmallCell_takesTheNextSmallestOfItsCountry_andOfItsPlanAcrossCountries() {
        // X: Basic 40, Premium 4, Standard 30; Y: Basic 50, Premium 30, Standard 25.
        // X Premium (4) is small. X's hidden cells hold 4, which X's total reveals: X Standard (30) is hidden too.
        // Premium's hidden cells hold 4, which the Premium total reveals: Y Premium (30), the smallest left, is hidden.
        // Y's Other of Premium alone would be Y Premium under another name, and the Premium total minus it X's 4: Y
        // Standard (25), Y's smallest left, goes too. X shows Basic and Other 34 (of 74); Y shows Basic and Other 55.
        GroupSpec spec = new GroupSpec("t", "members", false, List.of(), List.of(),
                List.of(GroupSpec.Ratio.parse("share = members / sum(members) by country").orElseThrow()), Small.MERGE,
                Optional.of("plan"), Optional.of("country"), List.of(), List.of(), 1);
        Table safe = protect(table(List.of("country", "plan"), "members,share",
                "X|Basic:40,0.540540540541", "X|Premium:4,0.0540540540541", "X|Standard:30,0.405405405405",
                "Y|Basic:50,0.47619047619", "Y|Premium:30,0.285714285714", "Y|Standard:25,0.238095238095"), spec);
        assertEquals(List.of("X|Basic:40,0.540540540541", "X|" + OTHER + ":34,0.459459459459",
                "Y|Basic:50,0.47619047619", "Y|" + OTHER + ":55,0.52380952381"), rows(safe));
    }

    @Test
    void crossTab_aCountryUnderK_joinsTheOtherCountry_withItsCellsAddedUpByPlan() {
        // Z (3 + 2 = 5 members) is small; the merged country would hold 5, so W (12), the smallest left, joins it.
        // The merged country then has Basic 3 + 7 = 10 and Premium 2 + 5 = 7: Premium is small, and merges with Basic.
        GroupSpec spec = new GroupSpec("t", "members", false, List.of(), List.of(), List.of(), Small.MERGE,
                Optional.of("plan"), Optional.of("country"), List.of(), List.of(), 1);
        Table safe = protect(table(List.of("country", "plan"), "members",
                "V|Basic:40", "V|Premium:20", "W|Basic:7", "W|Premium:5", "Z|Basic:3", "Z|Premium:2"), spec);
        // Premium's hidden cells then hold 7 (only the merged country's), under k: V Premium (20) is hidden too. V's Other
        // of it alone would be V Premium under another name, and the Premium total minus it the merged country's 7: V
        // Basic goes with it.
        assertEquals(List.of("V|" + OTHER + ":60", OTHER + "|" + OTHER + ":17"), rows(safe));
    }

    @Test
    void crossTab_aCellHiddenAloneAmongItsPlansCells_takesAnotherWithIt_orThePlansTotalGivesItBack() {
        // Plans within countries, every country's and every plan's total published. P: Basic 20, Premium 5, Standard 22;
        // N: Basic 10, Premium 13, Standard 21; U: Basic 60, Premium 40, Standard 50. P Premium (5) is small; P's hidden
        // cells would hold 5, so P Basic (20), its smallest left, goes too. Premium's hidden cells (5) take N Premium (13).
        // Then P Basic is the only hidden Basic cell: the Basic total minus N's and U's would give 20, and P's Other (25)
        // minus it P Premium's 5. N Basic (10), the smallest Basic left, is hidden too; N's Other is Basic and Premium.
        GroupSpec spec = new GroupSpec("t", "members", false, List.of(), List.of(), List.of(), Small.MERGE,
                Optional.of("plan"), Optional.of("country"), List.of(), List.of(), 1);
        Table safe = protect(table(List.of("country", "plan"), "members", "N|Basic:10", "N|Premium:13", "N|Standard:21",
                "P|Basic:20", "P|Premium:5", "P|Standard:22", "U|Basic:60", "U|Premium:40", "U|Standard:50"), spec);
        assertEquals(List.of("N|Standard:21", "N|" + OTHER + ":23", "P|Standard:22", "P|" + OTHER + ":25",
                "U|Basic:60", "U|Premium:40", "U|Standard:50"), rows(safe));
    }

    @Test
    void crossTab_twoCountriesHiddenSumsLessAPlansHiddenSum_mustNotGiveASmallGroup() {
        // The sample's plans within countries in small, every country's and every plan's total published. Line by line:
        // C Premium (5) and S Premium (2) are small; C's smallest left, Standard 24, and S's, Standard 14, go with them.
        // Premium then hides 7: N Premium (12) goes; N hides it alone, so N Basic (11) too; Basic hides it alone, so
        // P Basic (12), the smallest Basic left; P hides it alone, so P Premium (13). Every line now hides 0 or k+:
        // C 29, S 16, P 25, N 23, Basic 23, Premium 32, Standard 38. But C's 29 and S's 16 less Standard's 38 are the
        // 5 + 2 = 7 Premium members of C and S. So the smallest visible row of the lines holding them (C, S, Premium)
        // goes too: S Basic (15). Then S hides 31 and Basic 38, and no sum or difference of the lines' hidden members
        // counts C's and S's Premium members without another row: S's three hidden rows and Basic's three cannot be
        // told apart by the lines through them.
        GroupSpec spec = new GroupSpec("t", "members", false, List.of(), List.of(), List.of(), Small.MERGE,
                Optional.of("plan"), Optional.of("country"), List.of(), List.of(), 1);
        Table safe = protect(table(List.of("country", "plan"), "members",
                "C|Basic:27", "C|Premium:5", "C|Standard:24", "S|Basic:15", "S|Premium:2", "S|Standard:14",
                "P|Basic:12", "P|Premium:13", "P|Standard:22", "N|Basic:11", "N|Premium:12", "N|Standard:21",
                "U|Basic:60", "U|Premium:40", "U|Standard:50"), spec);
        // S, its rows all hidden, shows its Other where its rows were.
        assertEquals(List.of("C|Basic:27", "C|" + OTHER + ":29", "S|" + OTHER + ":31", "P|Standard:22", "P|" + OTHER + ":25",
                "N|Standard:21", "N|" + OTHER + ":23", "U|Basic:60", "U|Premium:40", "U|Standard:50"), rows(safe));
    }

    @Test
    void crossTab_aSmallPlansMembers_givenByCountriesLessAnotherPlan_areProtected_thoughThePlansOwnTotalIsNotPublished() {
        // Plan P has 4 members (A 2, B 2): members by plan hides it with the next smallest plan, S (20), so neither total
        // is known. Line by line, A and B each merged P and Q (10), and A's 10 and B's 10 less Q's hidden members (Q's 66
        // less C's 50) gave P's 4. Now A and B merge their R too: their Others (60 each), Q's and R's hidden members and
        // C's Other (Q and S, 70) together give P and S (24), as members by plan does, and no smaller group.
        GroupSpec spec = new GroupSpec("t", "members", false, List.of(), List.of(), List.of(), Small.MERGE,
                Optional.of("plan"), Optional.of("country"), List.of(), List.of(), 1);
        Table safe = protect(table(List.of("country", "plan"), "members", "A|P:2", "A|Q:8", "A|R:50", "B|P:2", "B|Q:8", "B|R:50",
                "C|Q:50", "C|R:50", "C|S:20"), spec);
        assertEquals(List.of("A|" + OTHER + ":60", "B|" + OTHER + ":60", "C|R:50", "C|" + OTHER + ":70"), rows(safe));
    }

    @Test
    void crossTab_aGroupWhoseOwnLinesAreAllHidden_isProtectedThroughAnotherLineOfTheCombination() {
        // Basic (54) and Premium (37), both published by members by plan, less C's Other gave A's and B's Basic and
        // Premium (3 + 2 + 1 + 3 = 9) once C's Other held C's Basic and Premium alone. A's and B's lines, Basic's and
        // Premium's hide every row of theirs, so a row of C's, the other line of the combination, goes: its Standard (37).
        GroupSpec spec = new GroupSpec("t", "members", false, List.of(), List.of(), List.of(), Small.MERGE,
                Optional.of("plan"), Optional.of("country"), List.of(), List.of(), 1);
        Table safe = protect(table(List.of("country", "plan"), "members",
                "A|Basic:3", "A|Premium:2", "A|Standard:11", "A|Family:31", "B|Basic:1", "B|Premium:3", "B|Standard:43",
                "B|Family:3", "C|Basic:50", "C|Premium:32", "C|Standard:37", "C|Family:44"), spec);
        assertEquals(List.of("A|" + OTHER + ":47", "B|" + OTHER + ":50", "C|Family:44", "C|" + OTHER + ":119"), rows(safe));
    }

    @Test
    void rowsOfTheSameSize_theSameOneIsHiddenInEveryResult_byName() {
        // Region R: K (2 members), N (31), S (31); its total is published. K is small, and one of N and S must go with it.
        // Members by country and plans within countries chose differently when the two tied (the first of the one, the
        // last of the other), and R minus the one each showed gave K's 2. Both take N, first by name.
        Map<String, String> regions = Map.of("K", "R", "N", "R", "S", "R", "A", "Q");
        GroupSpec byCountry = new GroupSpec("t", "members", false, List.of(), List.of(), List.of(), Small.MERGE, Optional.of("country"),
                Optional.empty(), List.of(), List.of(), 1, Optional.of("region"));
        assertEquals(List.of("A:900", "S:31", OTHER + ":33"), rows(GroupedTable.protect(table("country", "members", "A:900", "S:31",
                "N:31", "K:2"), byCountry, K, Map.of(), regions).table()));
        GroupSpec plans = new GroupSpec("t", "members", false, List.of(), List.of(), List.of(), Small.MERGE, Optional.of("plan"),
                Optional.of("country"), List.of(), List.of(), 1, Optional.of("region"));
        Table crossTab = GroupedTable.protect(table(List.of("country", "plan"), "members", "A|Basic:900", "K|Basic:2", "N|Basic:31",
                "S|Basic:31"), plans, K, Map.of(), regions).table();
        assertEquals(List.of("A", "S", OTHER), crossTab.rows().stream().map(r -> String.valueOf(r.get(0))).distinct().toList());
    }

    @Test
    void aGroupAnotherResultHides_isMergedInACrossTabToo_andItsRowsAloneShowNoFigure() {
        // Members by country hid S (forced here as Disclosure forces the groups other results hid): plans within countries
        // merge S whole, and an Other country of S alone would give its plans' members: it shows none.
        GroupSpec spec = new GroupSpec("t", "members", false, List.of(), List.of(), List.of(), Small.MERGE,
                Optional.of("plan"), Optional.of("country"), List.of(), List.of(), 1);
        GroupedTable.Protected safe = GroupedTable.protect(table(List.of("country", "plan"), "members", "A|Basic:60", "A|Premium:40",
                "S|Basic:15", "S|Premium:16"), spec, K, Map.of(GroupedTable.EVENT_FILES, Set.of("S")), Map.of());
        assertEquals(List.of("A|Basic:60", "A|Premium:40", OTHER + "|Basic:", OTHER + "|Premium:"), rows(safe.table()));
        assertEquals(Set.of("S"), safe.hiddenValues(), "and reported, for the results of the same groups");
    }

    @Test
    void merge_anOtherOfRowsAnotherResultHides_showsNoFigure_butOneOfItsOwnSmallRowsDoes() {
        // Members by age band beside another result of the same bands that hid B (30): here B would be hidden alone, the
        // total minus A and C, so C (20) goes with it; the Other they make holds nothing of this result's own, and would
        // be the other result's hidden rows under another name: no figure. D (3), small here, makes an Other of this
        // result's own (B and D, 33): shown.
        GroupSpec spec = merge("band", "members");
        assertEquals(List.of("A:50", OTHER + ":"), rows(GroupedTable.protect(table("band", "members", "A:50", "B:30", "C:20"),
                spec, K, Map.of(GroupedTable.EVENT_FILES, Set.of("B")), Map.of()).table()));
        assertEquals(List.of("A:50", "C:20", OTHER + ":33"), rows(GroupedTable.protect(table("band", "members", "A:50", "B:30", "C:20", "D:3"),
                spec, K, Map.of(GroupedTable.EVENT_FILES, Set.of("B")), Map.of()).table()));
    }

    @Test
    void hide_aSmallMonth_andRunningTotals_hideItsNeighbourSoNoDifferenceRevealsIt() {
        // Signups 50, 4, 60, 30, 40; cumulative 50, 54, 114, 144, 184.
        // February (4) is hidden. The total (184) minus the shown months would reveal 4: April (30), the smallest, is
        // hidden too. February alone between two shown running totals would be revealed by their difference: its smaller
        // neighbour, January (50), is hidden with it. Then 114 − 60 = 54 is all that can be worked out about Jan + Feb.
        GroupSpec spec = new GroupSpec("t", "signups", false, List.of(), List.of(), List.of(), Small.HIDE, Optional.empty(),
                Optional.empty(), List.of(GroupSpec.Running.parse("cumulative = running(signups)").orElseThrow()), List.of(), 1);
        Table safe = protect(table("month", "signups,cumulative", "Jan:50,50", "Feb:4,54", "Mar:60,114", "Apr:30,144",
                "May:40,184"), spec);
        assertEquals(List.of("Jan:,", "Feb:,", "Mar:60,114", "Apr:,", "May:40,184"), rows(safe));
    }

    @Test
    void hide_overlappingGroups_areKnownOnlyToHoldTheirLargest() {
        // Viewers by device overlap (one member, several devices): Mobile (8) and Tablet (6) hidden are known only to hold
        // at least 8 members, so the total hours minus TV's would reveal a group that may be under k: TV is hidden too.
        GroupSpec spec = new GroupSpec("t", "viewers", true, List.of(), List.of("hours"), List.of(), Small.HIDE,
                Optional.empty(), Optional.empty(), List.of(), List.of(), 1);
        Table safe = protect(table("device", "viewers,hours", "TV:50,900", "Mobile:8,40", "Tablet:6,30"), spec);
        assertEquals(List.of("TV:,", "Mobile:,", "Tablet:,"), rows(safe));
    }

    @Test
    void drop_leavesOutSmallRowsOfARanking_andNothingElse() {
        GroupSpec spec = new GroupSpec("t", "viewers", true, List.of(), List.of(), List.of(), Small.DROP, Optional.empty(),
                Optional.empty(), List.of(), List.of(), 1);
        Table safe = protect(table("title", "viewers", "A:50", "B:5", "C:20"), spec);
        assertEquals(List.of("A:50", "C:20"), rows(safe));
    }

    @Test
    void merge_aRowTheSlicesHide_joinsOther_asASmallRowWould_butAnOtherOfItAloneShowsNoFigure() {
        // A (50), B (30) and C (20) are all k or more; differencing across slices hides B (see SliceRows). An Other of B
        // alone would be B's 30 under another name: it shows no figure.
        Table safe = GroupedTable.protect(table("country", "members", "A:50", "B:30", "C:20"), merge("country", "members"), K,
                Map.of(), Set.of(List.of("B")), Map.of()).table();
        // B alone hidden would be the slice's total minus A and C: C, the smallest left, goes with it, and Other, which
        // holds nothing of the slice's own, still shows no figure.
        assertEquals(List.of("A:50", OTHER + ":"), rows(safe));

        // With a small row of the slice's own (D, 4) beside it, Other is B and D together: 34, not B's figure.
        safe = GroupedTable.protect(table("country", "members", "A:50", "B:30", "C:20", "D:4"), merge("country", "members"), K,
                Map.of(), Set.of(List.of("B")), Map.of()).table();
        assertEquals(List.of("A:50", "C:20", OTHER + ":34"), rows(safe));
    }

    @Test
    void merge_anOtherRowTheSlicesHide_keepsItsName_andShowsNoFigure() {
        // C (3) and B (20) merge as in the first case; the slices hide the Other row itself.
        Table safe = GroupedTable.protect(table("country", "members", "A:50", "B:20", "C:3"), merge("country", "members"), K,
                Map.of(), Set.of(List.of(OTHER)), Map.of()).table();
        assertEquals(List.of("A:50", OTHER + ":"), rows(safe));
    }

    @Test
    void hide_aMonthAnotherResultOfTheSameGroupsHides_hidesEveryLaterRunningTotal_butASmallMonthOfItsOwnDoesNot() {
        // Signups 50, 30, 60, 40. Another result of the same months (the outlook's new signups) hides March, protecting
        // a month of its own: here March is no small group, so any later total minus February's would give its 60.
        GroupSpec spec = new GroupSpec("t", "signups", false, List.of(), List.of(), List.of(), Small.HIDE, Optional.empty(),
                Optional.empty(), List.of(GroupSpec.Running.parse("cumulative = running(signups)").orElseThrow()), List.of(), 1);
        Table table = table("month", "signups,cumulative", "Jan:50,50", "Feb:30,80", "Mar:60,140", "Apr:40,180");
        Table safe = GroupedTable.protect(table, spec, K, Map.of(GroupedTable.EVENT_FILES, Set.of("Mar")), Set.of(), Map.of()).table();
        assertEquals(List.of("Jan:50,50", "Feb:,", "Mar:,", "Apr:40,"), rows(safe));

        // Its own small month (February, 3) hides with others of its own rules (its run then holds k), and a total
        // after them stays: March's 113 gives January and February together, 53. April, hidden so that the total less
        // the shown months does not give February, keeps its running total, the total itself: 153 − 113 gives April's
        // 40, which the total, counted as known, gave already; February stays within the 53.
        table = table("month", "signups,cumulative", "Jan:50,50", "Feb:3,53", "Mar:60,113", "Apr:40,153");
        safe = GroupedTable.protect(table, spec, K, Map.of(), Set.of(), Map.of()).table();
        assertEquals(List.of("Jan:,", "Feb:,", "Mar:60,113", "Apr:,153"), rows(safe));
    }

    @Test
    void hide_smallMonthsAtTheEnd_keepTheLastRunningTotal_theTotal_andNoOther() {
        // Signups 50, 60, 40, 4, 7, 3 (the userbase's last months, each under k): the three hidden together hold 14.
        // The last running total is the total of every row (174): it gives their 14 together, as the total would, and
        // the line of cumulative signups ends where the data does instead of three months before.
        GroupSpec spec = new GroupSpec("t", "signups", false, List.of(), List.of(), List.of(), Small.HIDE, Optional.empty(),
                Optional.empty(), List.of(GroupSpec.Running.parse("cumulative = running(signups)").orElseThrow()), List.of(), 1);
        Table table = table("month", "signups,cumulative", "Jan:50,50", "Feb:60,110", "Mar:50,160", "Apr:4,164", "May:7,171",
                "Jun:3,174");
        assertEquals(List.of("Jan:50,50", "Feb:60,110", "Mar:50,160", "Apr:,", "May:,", "Jun:,174"), rows(protect(table, spec)));

        // Members in several months at once (overlapping): the total is not the months' sum, so none is shown.
        GroupSpec overlapping = new GroupSpec("t", "signups", true, List.of(), List.of(), List.of(), Small.HIDE, Optional.empty(),
                Optional.empty(), List.of(GroupSpec.Running.parse("cumulative = running(signups)").orElseThrow()), List.of(), 1);
        assertEquals("Jun:,", rows(protect(table, overlapping)).get(5));

        // A total under k (a slice's 3 signups, every month hidden): it is a small group itself, not shown.
        assertEquals(List.of("Jan:,", "Feb:,"), rows(protect(table("month", "signups,cumulative", "Jan:3,3", "Feb:0,3"), spec)));

        // After a month hidden for another result's sake, no running total is shown, the last one neither.
        Table safe = GroupedTable.protect(table, spec, K, Map.of(GroupedTable.EVENT_FILES, Set.of("Feb")), Set.of(), Map.of()).table();
        assertEquals("Jun:,", rows(safe).get(5));
    }

    @Test
    void hide_aMonthTheSlicesHide_isHidden_withEveryLaterRunningTotal() {
        // Signups 50, 30, 60; cumulative 50, 80, 140. The slices hide February (30) to protect another slice's month:
        // February alone hidden would be the last total minus January and March, so January (50), the smallest left,
        // goes too. March's running total would still give the two together (140 - 60 = 80), and the other slice's
        // January and February together with them: from February on, no running total is shown.
        GroupSpec spec = new GroupSpec("t", "signups", false, List.of(), List.of(), List.of(), Small.HIDE, Optional.empty(),
                Optional.empty(), List.of(GroupSpec.Running.parse("cumulative = running(signups)").orElseThrow()), List.of(), 1);
        Table safe = GroupedTable.protect(table("month", "signups,cumulative", "Jan:50,50", "Feb:30,80", "Mar:60,140"), spec, K,
                Map.of(), Set.of(List.of("Feb")), Map.of()).table();
        assertEquals(List.of("Jan:,", "Feb:,", "Mar:60,"), rows(safe));
    }

    @Test
    void merge_aRealValueSpelledLikeTheMergedRow_isRenamed() {
        Table safe = protect(table("country", "members", OTHER + ":50", "B:20"), merge("country", "members"));
        assertEquals(List.of(OTHER + " (as named in the data):50", "B:20"), rows(safe));
    }

    @Test
    void kpi_aMemberCountUnderK_andARateOfASmallPart_areNotShown() {
        // New signups 5 (a group of 5): hidden; a year ago 40: shown. Churn rate 3 / 200 (3 churners): hidden;
        // previous month 12 / 210: shown.
        Table kpis = new Table(List.of(new Column("kpi", ColumnType.TEXT), new Column("unit", ColumnType.TEXT),
                new Column("value", ColumnType.DECIMAL), new Column("previous_month", ColumnType.DECIMAL),
                new Column("year_ago", ColumnType.DECIMAL), new Column("comparison", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER), new Column("members_previous_month", ColumnType.INTEGER),
                new Column("members_year_ago", ColumnType.INTEGER), new Column("part", ColumnType.INTEGER),
                new Column("part_previous_month", ColumnType.INTEGER), new Column("part_year_ago", ColumnType.INTEGER)),
                List.of(Arrays.asList("new_signups", "members", 5.0, null, 40.0, "month", null, null, null, null, null, null),
                        Arrays.asList("churn_rate", "percent", 0.015, 12 / 210.0, null, "month", 200L, 210L, null, 3L, 12L, null)));
        Table safe = KpiGroups.protect(kpis, K);
        assertEquals(Arrays.asList(null, null, 40.0), safe.rows().get(0).subList(2, 5));
        assertEquals(Arrays.asList(null, 12 / 210.0, null), safe.rows().get(1).subList(2, 5));
        assertEquals("month; not shown where it would describe fewer than 10 members", safe.value(1, "comparison"));
    }

    private static GroupSpec merge(String label, String members) {
        return new GroupSpec("t", members, false, List.of(), List.of(), List.of(), Small.MERGE, Optional.of(label),
                Optional.empty(), List.of(), List.of(), 1);
    }

    @Test
    void hide_aGrowthRateOnAHiddenMonth_isHiddenToo_andTheNoteCountsItsRow() {
        // The sample's subscribers: m2's 5 are hidden, and m1 (80), the next smallest, with them. m3's growth on m2
        // (500 / m2 − 1) would give m2 back, so it is hidden too: three rows have a figure not shown, as the growth
        // chart's caption counts three months. m3's is hidden so that another row's figure cannot be worked out, as the
        // rows hidden for other results' groups are, and the note says so of it; m1 is this result's own suppression.
        GroupSpec subscribers = dev.marquee.Fixtures.question("signups").privacy().stream()
                .filter(spec -> spec.result().equals("subscribers")).findFirst().orElseThrow();
        GroupedTable.Protected safe = GroupedTable.protect(table("month", "subscribers,growth_rate", "m1:80,", "m2:5,-0.9375",
                "m3:500,99.0", "m4:600,0.2"), subscribers, K);
        assertEquals(List.of("m1:,", "m2:,", "m3:500,", "m4:600,0.2"), rows(safe.table()));
        assertEquals(3, safe.rowsAffected());
        assertEquals(1, safe.rowsForOthers());
    }

    private static Table protect(Table table, GroupSpec spec) {
        return GroupedTable.protect(table, spec, K).table();
    }

    private static Table table(String label, String numbers, String... rows) {
        return table(List.of(label), numbers, rows);
    }

    /** Label columns (text), then number columns; each row "l1|l2:n1,n2", numbers whole unless they have a point. */
    private static Table table(List<String> labels, String numbers, String... rows) {
        List<Column> columns = new ArrayList<>();
        labels.forEach(l -> columns.add(new Column(l, ColumnType.TEXT)));
        String[] names = numbers.split(",");
        List<List<Object>> data = new ArrayList<>();
        for (String row : rows) {
            String[] parts = row.split(":", 2);
            List<Object> values = new ArrayList<>(Arrays.asList((Object[]) parts[0].split("\\|")));
            String[] cells = parts[1].split(",", -1);
            for (String cell : cells) {
                values.add(cell.isEmpty() ? null : cell.contains(".") ? (Object) Double.parseDouble(cell) : (Object) Long.parseLong(cell));
            }
            data.add(values);
        }
        for (int i = 0; i < names.length; i++) {
            boolean decimal = data.stream().anyMatch(r -> r.get(columns.size()) instanceof Double);
            columns.add(new Column(names[i], decimal ? ColumnType.DECIMAL : ColumnType.INTEGER));
        }
        return new Table(columns, data);
    }

    private static List<String> rows(Table table) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            StringBuilder text = new StringBuilder();
            int c = 0;
            for (; c < table.columns().size() && table.columns().get(c).type() == ColumnType.TEXT; c++) {
                text.append(c == 0 ? "" : "|").append(row.get(c));
            }
            text.append(':');
            for (int first = c; c < table.columns().size(); c++) {
                Object value = row.get(c);
                text.append(c == first ? "" : ",").append(value == null ? "" : value instanceof Double d ? format(d) : value);
            }
            out.add(text.toString());
        }
        return out;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(Table.stable(value));
    }
}
