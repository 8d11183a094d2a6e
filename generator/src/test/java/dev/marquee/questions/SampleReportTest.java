package dev.marquee.questions;

import dev.marquee.Pipeline;
import dev.marquee.catalog.ChartKind;
import dev.marquee.chart.RenderedChart;
import dev.marquee.config.Config;
import dev.marquee.report.Report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The full report on the committed sample data: every question answered, every chart drawn from data. */
class SampleReportTest {

    @TempDir
    Path temp;

    @Test
    void sampleData_answersEveryQuestion_withNoEmptyChart() {
        Config config = Config.defaults().withOutDir(temp.resolve("site"));

        Report report = new Pipeline(config, new PrintStream(new ByteArrayOutputStream())).build();

        assertEquals(List.of("Who leaves", "Market", "Watch time and engagement: Heavy watchers by file", "What was watched",
                        "Catalogue: IMDb and TMDB scores by genre"),
                report.leftOut().stream().map(l -> l.title()).toList(),
                "the sample has no file marking who left, one service, no member-level file, no engagement report and no scores");
        assertEquals("needs catalogues of at least two services (found 1); add e.g. amazon_prime_titles.csv or disney_plus_titles.csv",
                report.leftOut().get(1).reason());
        assertEquals("needs a member-level file with watch hours, which no file in the data folder gives", report.leftOut().get(2).reason());
        assertEquals("needs an engagement report (Netflix's What We Watched), which no file in the data folder gives",
                report.leftOut().get(3).reason());
        assertEquals(10, report.sections().size(), "outlook, members and the eight business questions");
        List<String> wholeMerged = new java.util.ArrayList<>();
        for (var section : report.sections()) {
            for (RenderedChart chart : section.charts()) {
                boolean facetTable = chart.spec().facet().isPresent() && chart.facetValue().isEmpty();
                if (chart.spec().kind() != ChartKind.TABLE && !facetTable) {
                    if (dev.marquee.chart.ChartStage.onlyMergedRow(chart.spec(), chart.data())) {
                        wholeMerged.add(chart.fileStem());
                    } else {
                        assertTrue(chart.chart().isPresent() && !chart.data().isEmpty(), chart.fileStem() + " is empty");
                    }
                }
            }
        }
        // South Africa's 31 current members: Premium 2 is small, its Standard 14 goes with it, and then its Basic 15 too,
        // or Colombia's and South Africa's Others less Standard's hidden members would give their 7 Premium members
        // (see GroupedTableTest): its plan mix is one "Other (small groups)" bar, which the page gives as a table.
        assertEquals(List.of("plans-devices-country-plans-south-africa"), wholeMerged);
        assertEquals(List.of("watch_hours", "active_members", "churn_rate", "new_signups", "average_rating", "mrr"),
                report.kpis().stream().map(k -> k.id()).toList());
        // December 2024 by region: Latin America 27 of 478 (5.6%, Wilson 3.9% to 8.1%), then "Other (small groups)" at
        // 4.8% and Europe, 39 of 895 (4.4%, 3.2% to 5.9%): the intervals overlap. Asia-Pacific and Middle East & Africa
        // are the merged ones (8 churners of 60 in Middle East & Africa, 13.3%): Latin America is the highest of the
        // regions shown, about the same as Europe, the next named region (Other's interval is not published, so it is
        // never the one compared with).
        String churn = report.sections().stream().filter(s -> s.slug().equals("churn")).findFirst().orElseThrow().narrative()
                .replace("\\", "").replaceAll("\\s+", " ");
        assertTrue(churn.contains("In the as-of month, of the regions shown, Latin America and Europe churned about the same "
                + "(their 95% intervals overlap): 5.6% of the members active on the first of the month in Latin America, the highest."), churn);
    }
}
