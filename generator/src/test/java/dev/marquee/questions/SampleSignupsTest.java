package dev.marquee.questions;

import dev.marquee.Fixtures;
import dev.marquee.format.Formats;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample report is as of 31 Dec 2024, the last day of its month: December is complete, so the busiest month is
 * chosen among every month up to December, counted here from data/users.csv.gz.
 */
class SampleSignupsTest {

    @Test
    void busiestMonth_countsTheAsOfMonth_whenTheAsOfDateIsItsLastDay() throws Exception {
        LocalDate asOf = LocalDate.of(2024, 12, 31);
        Map<YearMonth, Long> signups = new TreeMap<>();
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(Fixtures.ROOT.resolve("data/users.csv.gz"))),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                LocalDate signup = LocalDate.parse(row.get("signup_date"));
                if (!signup.isAfter(asOf)) {
                    signups.merge(YearMonth.from(signup), 1L, Long::sum);
                }
            }
        }
        Map.Entry<YearMonth, Long> busiest = null;
        for (Map.Entry<YearMonth, Long> month : signups.entrySet()) {
            if (busiest == null || month.getValue() > busiest.getValue()) {
                busiest = month;
            }
        }
        String page = Fixtures.read(Fixtures.sampleSite().resolve("signups.html")).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        String sentence = String.format(java.util.Locale.ENGLISH, "%,d members signed up in %s, the most of any complete month.",
                busiest.getValue(), Formats.month(busiest.getKey().atDay(1)));
        assertTrue(busiest.getKey().equals(YearMonth.of(2024, 12)), "the sample grows: December is its busiest month, " + busiest);
        assertTrue(page.contains(sentence), sentence);
    }
}
