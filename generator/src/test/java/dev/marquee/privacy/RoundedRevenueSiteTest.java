package dev.marquee.privacy;

import dev.marquee.Fixtures;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample sliced by country, as a reader gets it: the Colombia slice's 56 members bring $798.44 at the as-of date,
 * published as $800 (the $200 step), under ten steps, so no ARPU of it is shown, and the chart of ARPU says why it
 * shows none. No slice publishes the plans' prices the rounding reads.
 */
class RoundedRevenueSiteTest {

    @Test
    void aSmallSlicesArpu_isHidden_andItsChartSaysWhy() throws Exception {
        Path colombia = Fixtures.slicedSample("country").resolve("slices/colombia");
        List<String> mrr = Files.readAllLines(colombia.resolve("csv/revenue-mrr.csv"), StandardCharsets.UTF_8);
        assertEquals("2024-12-01,800,56,", mrr.get(mrr.size() - 1));
        assertTrue(mrr.stream().skip(1).allMatch(line -> line.endsWith(",")), "no month's ARPU is shown: " + mrr);
        String page = Files.readString(colombia.resolve("revenue.html")).replaceAll("\\s+", " ");
        assertTrue(page.contains("No figures to show: every one is hidden to protect small groups, or because its revenue, "
                + "once rounded, is too coarse to average."), page);
    }

    @Test
    void noSliceOrReport_publishesThePricesTheRoundingReads() throws Exception {
        for (Map.Entry<String, byte[]> file : Fixtures.tree(Fixtures.slicedSample("country")).entrySet()) {
            if (file.getKey().endsWith(".csv") || file.getKey().endsWith(".json")) {
                String text = new String(file.getValue(), StandardCharsets.UTF_8);
                assertFalse(text.contains("lowest_price") || text.contains("highest_price"), file.getKey());
            }
        }
    }
}
