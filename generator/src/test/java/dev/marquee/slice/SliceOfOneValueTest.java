package dev.marquee.slice;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample sliced by plan and by region: each slice's members share one plan, or one region, so no sentence compares
 * it with the others and no chart shows it alone (one bar, or every bar 100% of it).
 */
class SliceOfOneValueTest {

    private static final String TOP_PLAN = "brings the most recurring revenue of any plan";

    @Test
    void aPlansSlice_doesNotSayItsPlanBringsTheMostRevenueOfAnyPlan() throws IOException, InterruptedException {
        // "Premium brings the most recurring revenue of any plan, $20.7K" beside a chart of MRR by plan with one bar.
        Path site = Fixtures.slicedSample("plan");
        assertTrue(Files.readString(site.resolve("revenue.html")).contains("Standard " + TOP_PLAN), "the whole report names its top plan");
        List<String> plans = List.of("basic", "premium", "standard");
        for (String plan : plans) {
            Path slice = site.resolve("slices").resolve(plan);
            assertFalse(Files.readString(slice.resolve("revenue.html")).contains(TOP_PLAN), plan + "'s revenue page");
            assertFalse(Fixtures.poppler("pdftotext", slice.resolve("report.pdf")).replaceAll("\\s+", " ").contains(TOP_PLAN),
                    plan + "'s PDF");
        }
        try (Stream<Path> slices = Files.list(site.resolve("slices"))) {
            assertEquals(plans.size(), slices.filter(Files::isDirectory).count(), "every plan's slice was read");
        }
    }

    @Test
    void aSlicesOverviewAndCover_sayWhoItCounts() throws IOException, InterruptedException {
        // A plan's slice counts its members' whole history under their current plan: "Premium" alone does not say so.
        Path premium = Fixtures.slicedSample("plan").resolve("slices/premium");
        String who = "These figures count only the members whose plan is Premium on the as-of date (for a member who has left, "
                + "their last plan), with all their history: a member who switched plans counts here in the months before too.";
        assertTrue(Files.readString(premium.resolve("index.html")).contains(who), "the overview");
        assertTrue(Fixtures.poppler("pdftotext", premium.resolve("report.pdf"), "-f", "1", "-l", "1").replaceAll("\\s+", " ").contains(who),
                "the PDF's cover");
        assertTrue(Files.readString(Fixtures.slicedSample("region").resolve("slices/europe/index.html"))
                .contains("These figures count only the members whose country is in Europe."));
    }

    @Test
    void aChartWhoseRowsAreAllLeftOut_saysSo_notThatNoDataFeedsIt() throws IOException {
        // A region's cohorts: 122 rows of groups under k, all left out; "No data: nothing in the data folder feeds this
        // chart" stood beside the note that counted them.
        String churn = Files.readString(Fixtures.slicedSample("region").resolve("slices/europe/churn.html"));
        assertTrue(churn.contains("No figures to show: every row is left out to protect small groups."), "the cohorts say why");
        assertFalse(churn.contains("No data: nothing in the data folder feeds this chart"), "no chart says that no data feeds it");
    }

    @Test
    void aSlice_drawsNoChartOfOneMergedRow_andSaysWhy() throws IOException {
        // The Premium slice's churn rate by region was one "Other (small groups)" bar of its 781 members, its 2.6% tile
        // again: it is no chart, and says so, as in the whole report. The Europe slice's members and MRR by plan, one such
        // row with no figure, had been left out without a word: they say their figures are hidden for others, not as
        // small groups (Europe has 940 members; "hidden to protect small groups" alone read as absurd).
        String premium = Files.readString(Fixtures.slicedSample("plan").resolve("slices/premium/churn.html"));
        assertTrue(premium.contains("No chart: every region is merged into that one group here, so its one bar would be the whole; "
                + "the table gives it."));
        assertFalse(Files.readString(Fixtures.slicedSample("plan").resolve("slices/premium/index.html")).contains("Churn rate by region"),
                "no headline");
        // The Middle East & Africa slice's plan mix: two bars, each 100% "Other (small groups)", was its overview's headline.
        Path middleEast = Fixtures.slicedSample("region").resolve("slices/middle-east-africa");
        assertTrue(Files.readString(middleEast.resolve("csv/plans-devices-plan-by-country.csv")).lines().skip(1)
                .allMatch(row -> row.contains(",Other (small groups),")), "every plan merged");
        assertFalse(Files.readString(middleEast.resolve("index.html")).contains("Plan mix by country"), "no headline");
        Path europe = Fixtures.slicedSample("region").resolve("slices/europe");
        for (String page : List.of("members.html", "revenue.html")) {
            String text = Files.readString(europe.resolve(page));
            assertTrue(text.contains("No figures to show: none of these groups is small, but with the rest of the report each "
                    + "would let a small group elsewhere be worked out, so every one is hidden."), page);
            assertTrue(text.contains("so that no hidden figure can be worked out from published ones"), page);
            assertFalse(text.contains("No chart: every plan is merged"), page + ": the table gives no figure");
        }
    }

    @Test
    void aChartShowingOnlyZeros_saysTheOthersAreHiddenNotZero() throws IOException {
        // The Premium slice's monthly churn by region kept 27 of 174 points, every one 0%: the months with 1 to 9
        // churners are hidden, those with none are not, and the lines read as a plan that never loses anyone.
        String zeros = "Every figure shown is 0; those not shown are hidden, not 0.";
        assertTrue(Files.readString(Fixtures.slicedSample("plan").resolve("slices/premium/churn.html")).contains(zeros));
        assertFalse(Files.readString(Fixtures.sampleSite().resolve("churn.html")).contains(zeros), "the whole report's churn has figures");
        // The whole report's monthly churn by region: Middle East & Africa's line keeps only its months without a
        // churner (dots on 0%), its months of 1 to 9 churners hidden; the other regions' lines have figures.
        String churn = Files.readString(Fixtures.sampleSite().resolve("churn.html"));
        assertTrue(churn.contains("Middle East &amp; Africa: every churn rate shown is 0; those not shown are hidden, not 0."), "the line says it");
        assertFalse(churn.contains("North America: every churn rate shown is 0"));
    }

    @Test
    void aChartShowingNoFigureOrOnlyZeros_isNoHeadline() throws IOException {
        // The Middle East & Africa slice's overview led its signups with a chart of one bar, 0, every other month hidden:
        // it read as a region where no one signed up. A headline chart shows some figure other than 0.
        int checked = 0;
        try (java.util.stream.Stream<Path> slices = Files.list(Fixtures.slicedSample("region").resolve("slices"))) {
            for (Path slice : slices.filter(Files::isDirectory).sorted().toList()) {
                List<String> figures = Files.readAllLines(slice.resolve("csv/signups-monthly.csv")).stream().skip(1)
                        .map(line -> line.split(",", -1)[2]).filter(f -> !f.isEmpty()).toList();
                if (figures.stream().allMatch(f -> Double.parseDouble(f) == 0)) {
                    checked++;
                    assertFalse(Files.readString(slice.resolve("index.html")).contains("New signups per month"), slice.toString());
                }
            }
        }
        assertTrue(checked > 0, "a slice whose signups show no figure but 0");
        // Under such a chart, drawn with its marks, the page says that every figure is hidden.
        Path mea = Fixtures.slicedSample("region").resolve("slices/middle-east-africa");
        if (Files.readAllLines(mea.resolve("csv/signups-monthly.csv")).stream().skip(1).allMatch(line -> line.split(",", -1)[2].isEmpty())) {
            assertTrue(Files.readString(mea.resolve("signups.html")).contains("No figures to show: every one is hidden to protect small groups."));
        }
    }

    @Test
    void aForecastWhoseEveryActualMonthIsHidden_showsNoForecast() throws IOException {
        // The Middle East & Africa slice hides every month of its signups: its forecast, fitted on them, drew a band of
        // 7 to 8 a month from January 2022 with no history beside it, a summary of the hidden months.
        int checked = 0;
        try (java.util.stream.Stream<Path> slices = Files.list(Fixtures.slicedSample("region").resolve("slices"))) {
            for (Path slice : slices.filter(Files::isDirectory).sorted().toList()) {
                List<String> lines = Files.readAllLines(slice.resolve("csv/signups-signups-forecast.csv"));
                List<String> header = List.of(lines.get(0).split(","));
                int actual = header.indexOf(header.stream().filter(h -> h.startsWith("actual")).findFirst().orElseThrow());
                List<String[]> rows = lines.stream().skip(1).map(line -> line.split(",", -1)).toList();
                if (rows.stream().allMatch(row -> row[actual].isEmpty())) {
                    checked++;
                    assertTrue(rows.stream().allMatch(row -> java.util.Arrays.stream(row).skip(1).allMatch(String::isEmpty)), slice.toString());
                }
            }
        }
        assertTrue(checked > 0, "a slice whose signups show no month");
    }

    @Test
    void aChartShowingOnlyZeros_isSaidOnThePdfPageToo() throws IOException, InterruptedException {
        // The PDF's grid has no room under a chart: the page's line on figures not shown names it.
        String whole = Fixtures.poppler("pdftotext", Fixtures.sampleSite().resolve("report.pdf")).replaceAll("\\s+", " ");
        assertTrue(whole.contains("In \u201cMonthly churn rate by region\u201d, every churn rate of Middle East & Africa shown is 0."), "the whole report");
        assertFalse(whole.contains("of North America shown is 0"));
        String premium = Fixtures.poppler("pdftotext", Fixtures.slicedSample("plan").resolve("slices/premium/report.pdf")).replaceAll("\\s+", " ");
        assertTrue(premium.contains("In \u201cMonthly churn rate by region\u201d, every figure shown is 0."), "the Premium slice");
    }

    @Test
    void aSlice_drawsNoChartOfItsOwnValueAlone() throws IOException {
        // A plan's slice: its plan mix by country was every bar 100% Premium, its members and MRR by plan one bar each.
        Path premium = Fixtures.slicedSample("plan").resolve("slices/premium/csv");
        for (String chart : List.of("plans-devices-plan-by-country.csv", "plans-devices-plans-across-countries.csv", "members-plans.csv",
                "revenue-by-plan.csv")) {
            assertFalse(Files.exists(premium.resolve(chart)), "premium: " + chart);
        }
        assertTrue(Files.exists(premium.resolve("members-regions.csv")), "its members by region are drawn");
        // A region's slice: members and churn by region were one bar; its monthly churn by region is its line over the months.
        Path europe = Fixtures.slicedSample("region").resolve("slices/europe/csv");
        for (String chart : List.of("members-regions.csv", "churn-by-region.csv", "churn-at-risk.csv")) {
            assertFalse(Files.exists(europe.resolve(chart)), "europe: " + chart);
        }
        for (String chart : List.of("churn-monthly-by-region.csv", "members-countries.csv", "plans-devices-plan-by-country.csv")) {
            assertTrue(Files.exists(europe.resolve(chart)), "europe: " + chart);
        }
    }
}
