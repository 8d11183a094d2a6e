package dev.marquee.history;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken targets file fails the run with its name and line, like a question file, before any work is done. */
class TargetsTest {

    @TempDir
    Path work;

    Fixtures.Run buildWith(String targets) throws Exception {
        Path file = work.resolve("targets.yaml");
        Files.writeString(file, targets);
        return Fixtures.marquee("build", "--data", EditionsTest.EDITIONS.resolve("week-1").toString(), "--as-of", "2024-03-10",
                "--min-group-size", "1", "--targets", file.toString(), "--out", work.resolve("site").toString());
    }

    void failsWith(String targets, String message) throws Exception {
        Fixtures.Run run = buildWith(targets);
        assertEquals(3, run.exitCode(), run.out());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(!Files.exists(work.resolve("site")), "nothing written");
    }

    @Test
    void aThresholdThatIsNotANumber() throws Exception {
        failsWith("targets:\n  - id: churn\n    kpi: churn_rate\n    at_most: low\n",
                "targets.yaml, line 4: 'at_most' must be a number such as 3.5%, 0.5 pts or 1000, got 'low'");
    }

    @Test
    void anUnknownKey() throws Exception {
        failsWith("targets:\n  - id: churn\n    kpi: churn_rate\n    at_mots: 3%\n",
                "targets.yaml, line 4: unknown key 'at_mots'");
    }

    @Test
    void bothBoundsOrNone() throws Exception {
        failsWith("targets:\n  - id: churn\n    kpi: churn_rate\n", "targets.yaml, line 2: target 'churn' needs one of 'at_most' and 'at_least'");
    }

    @Test
    void anAlertOnAChartThatTracksNoRate() throws Exception {
        failsWith("alerts:\n  - id: a\n    rate: top-titles/by-hours\n    rule: above_all_by_more_than_interval\n",
                "targets.yaml, line 3: chart 'top-titles/by-hours' does not track a rate: declare 'track: rate' on it");
    }

    @Test
    void anAlertOnNoChart() throws Exception {
        failsWith("alerts:\n  - id: a\n    rate: churn/by-planet\n    rule: above_all_by_more_than_interval\n",
                "targets.yaml, line 3: 'churn/by-planet' is not a chart");
    }

    @Test
    void anUnknownRule() throws Exception {
        failsWith("alerts:\n  - id: a\n    rate: churn/by-region\n    rule: above_average\n",
                "targets.yaml, line 4: rule 'above_average' is not one of [above_all_by_more_than_interval]");
    }

    @Test
    void aRepeatedId() throws Exception {
        failsWith("targets:\n  - id: a\n    kpi: mrr\n    at_least: 1\n  - id: a\n    kpi: mrr\n    at_least: 2\n",
                "targets.yaml, line 5: id 'a' is used twice");
    }

    @Test
    void aKeyGivenTwice() throws Exception {
        failsWith("targets:\n  - id: a\n    kpi: mrr\n    at_least: 1\n    at_least: 2\n",
                "targets.yaml, line 5: 'at_least' is given twice (also on line 4)");
    }

    @Test
    void aChartForAChangeTarget() throws Exception {
        failsWith("targets:\n  - id: a\n    kpi: mrr\n    measure: change_vs_previous_month\n    at_least: 1%\n    chart: revenue/mrr\n",
                "targets.yaml, line 6: ");
    }

    @Test
    void notYaml() throws Exception {
        failsWith("targets: [\n", "targets.yaml, line 2: targets.yaml is not valid YAML");
    }

    @Test
    void aKpiTheReportDoesNotHaveIsNoData() throws Exception {
        Fixtures.Run run = buildWith("targets:\n  - id: x\n    name: Something\n    kpi: viewers\n    at_least: 1\n");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("note     targets.yaml, line 4: target 'x' reads the KPI viewers, which this edition does not "
                + "have (its KPIs: [watch_hours, active_members, churn_rate, new_signups, average_rating, mrr]); no target is shown, as "
                + "the data gives the figure of none"), run.out());
        // A target whose figure the data never gives is kept in the record, and shown to no reader: a page and a
        // subject saying "no data" about every target would tell them nothing.
        assertEquals("Marquee, 10 Mar 2024: 54.3 watch hours (+7.8% on the month)",
                Fixtures.read(work.resolve("site/digest-subject.txt")).strip());
        String record = Fixtures.read(work.resolve("site/edition.json"));
        assertTrue(record.contains("\"status\": \"no data\", \"bound\": \"\", \"now\": \"\", "
                + "\"detail\": \"The files behind this report do not give this figure\""), record);
        assertTrue(!Files.exists(work.resolve("site/changes.html")), "no targets page");
    }

    @Test
    void aTargetWithoutDataBesideOneWithDataIsShownAsNoData() throws Exception {
        Fixtures.Run run = buildWith("targets:\n  - id: x\n    name: Something\n    kpi: viewers\n    at_least: 1\n"
                + "  - id: y\n    name: Churn at most 10%\n    kpi: churn_rate\n    at_most: 10%\n");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("target 'x' reads the KPI viewers, which this edition does not have (its KPIs: [watch_hours, "
                + "active_members, churn_rate, new_signups, average_rating, mrr]); it is shown as no data"), run.out());
        String page = Fixtures.read(work.resolve("site/changes.html"));
        assertTrue(page.contains("<td class=\"txt\">Something</td><td class=\"txt status flat\">no data</td>"
                + "<td class=\"txt\">The files behind this report do not give this figure</td>"), page);
        // Churn 2/36 = 5.6% on 10 Mar (fixtures/editions/README.md).
        assertEquals("Marquee, 10 Mar 2024: 1 of 2 targets met, churn rate 5.6% (+2.2 pts on the month)",
                Fixtures.read(work.resolve("site/digest-subject.txt")).strip());
    }
}
