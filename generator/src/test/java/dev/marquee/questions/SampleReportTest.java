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

        assertEquals(List.of("Member snapshots", "Market"), report.leftOut().stream().map(l -> l.question().title()).toList(),
                "only the snapshot and multi-service questions lack their data in the one-service sample");
        assertEquals("needs catalogues of at least two services (found 1); add e.g. amazon_prime_titles.csv or disney_plus_titles.csv",
                report.leftOut().get(1).reason());
        assertEquals(9, report.sections().size(), "outlook and the eight business questions");
        for (var section : report.sections()) {
            for (RenderedChart chart : section.charts()) {
                boolean facetTable = chart.spec().facet().isPresent() && chart.facetValue().isEmpty();
                if (chart.spec().kind() != ChartKind.TABLE && !facetTable) {
                    assertTrue(chart.chart().isPresent() && !chart.data().isEmpty(), chart.fileStem() + " is empty");
                }
            }
        }
        assertEquals(List.of("watch_hours", "active_members", "churn_rate", "new_signups", "average_rating", "mrr"),
                report.kpis().stream().map(k -> k.id()).toList());
    }
}
