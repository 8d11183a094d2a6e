package dev.marquee.questions;

import dev.marquee.Fixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers that are not numbers (NaN) or are infinite reach the report from SQL (a ratio to zero) and from forecasts
 * (errors that cannot be measured). They show as "n/a" to people, as an empty CSV cell and as JSON null to machines,
 * and charts leave them out; the run never fails on them (it used to stop with exit 10).
 */
class NonFiniteNumbersTest {

    private static final Path ONE_DAY = Fixtures.FIXTURES.resolve("one-day");

    @TempDir
    Path temp;

    private Fixtures.Run build(String... extra) {
        String[] args = new String[]{"build", "--data", ONE_DAY.toString(), "--out", temp.resolve("site").toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return Fixtures.marquee(all);
    }

    private String site(String file) throws IOException {
        // A reflowing table's cells carry their header as data-label; the assertions read the cells' classes and text.
        return Files.readString(temp.resolve("site").resolve(file)).replaceAll(" data-label=\"[^\"]*\"", "");
    }

    @Test
    void build_allActivityOnOneDay_succeedsAndShowsNaWhereNoForecastCanBeMade() throws IOException {
        Fixtures.Run run = build();

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(site("outlook.html").contains("<tr><td class=\"txt\">Active subscribers</td><td class=\"txt\">no forecast</td>"
                // The baseline's name is empty in every row (no forecast, no baseline): the site's table leaves that column out.
                + "<td class=\"num\">n/a</td><td class=\"num\">n/a</td><td class=\"num\">n/a</td>"
                + "<td class=\"num\">n/a</td><td class=\"txt\">Not enough history to forecast: 0 complete months, at least 12 "
                + "are needed.</td></tr>"), "the accuracy table");
        assertTrue(site("csv/outlook-forecast-accuracy.csv").contains("\nActive subscribers,no forecast,,,,,,\"Not enough history"));
    }

    @Test
    void build_oneDayThenAYearOfNothing_forecastsAFlatSeriesAndLeavesUnmeasurableErrorsEmpty() throws IOException {
        // Twelve complete months (March 2024 to February 2025): members and revenue constant, signups and watch hours
        // one month then zeros. A MAPE over actual values that are all zero cannot be measured.
        Fixtures.Run run = build("--as-of", "2025-03-15");

        assertEquals(0, run.exitCode(), run.err());
        String accuracy = site("csv/outlook-forecast-accuracy.csv");
        assertFalse(accuracy.contains("NaN") || accuracy.contains("Infinity"), accuracy);
        assertTrue(accuracy.contains("\nActive subscribers,Holt (linear trend),0,0,naive (last value),0,0,"), accuracy);
        assertTrue(site("csv/outlook-active-forecast.csv").contains("\n2025-03-01,,20,20,20,20,20\n"),
                "a flat forecast of the 20 members, with no spread");
        assertTrue(site("outlook.html").contains("<td class=\"num\">n/a</td>"));
        // MAPE is a percent of the actual values, written as the report's percents are (the CSV keeps the share, 0).
        assertTrue(site("outlook.html").contains("<td class=\"txt\">Active subscribers</td><td class=\"txt\">Holt (linear trend)</td>"
                + "<td class=\"num\">0.0%</td>"), site("outlook.html"));
        assertFalse(site("metrics.json").contains("NaN") || site("metrics.json").contains("Infinity"));
    }

    @Test
    void build_queriesReturningNaNAndInfinity_drawEveryChartKindAndWriteNaEmptyCellsAndNull() throws IOException {
        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--questions",
                Fixtures.FIXTURES.resolve("not-a-number").toString(), "--out", temp.resolve("site").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("month,value (hours),other (hours)\n2024-01-01,,2\n2024-02-01,,3\n2024-03-01,,4\n2024-04-01,5,\n",
                site("csv/odd-numbers-over-time.csv"));
        assertEquals("country,device,value (ratio)\nCanada,TV,\nCanada,Mobile,\nFrance,TV,2\nFrance,Mobile,\n"
                + "United States,TV,\nUnited States,Mobile,3\n", site("csv/odd-numbers-shares.csv"));
        String page = site("odd-numbers.html");
        // A sentence quoting values that are not numbers is left out (it would say "n/a"); the next stands.
        assertTrue(page.contains("The last has 5 hours.") && !page.contains("The first month has"), "the narrative");
        assertTrue(page.contains("<td class=\"txt\">Canada</td><td class=\"txt\">TV</td><td class=\"num\">n/a</td>"), "a data table");
        assertFalse(page.contains("NaN") || page.contains("Infinity") || page.contains("∞"));
        String metrics = site("metrics.json");
        assertTrue(metrics.contains("\"id\": \"nan_value\", \"label\": \"Not a number\", \"unit\": \"hours\", \"value\": null, "
                + "\"previous_month\": 1, \"year_ago\": 2, \"change_vs_previous_month\": \"n/a\""), metrics);
        assertTrue(metrics.contains("\"value\": 0.5, \"previous_month\": null, \"year_ago\": null, \"change_vs_previous_month\": \"n/a\", "
                + "\"change_vs_year_ago\": \"n/a\""), metrics);
        Map<String, byte[]> files = Fixtures.tree(temp.resolve("site"));
        assertTrue(files.get("report.pdf").length > 1000, "the PDF is written");
        assertEquals(6, files.keySet().stream().filter(f -> f.startsWith("csv/odd-numbers-") && !f.contains("numbers.csv")).count());
    }
}
