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
 * shows none. No slice publishes the plans' prices the rounding reads. Rounded revenue, and its forecast, carry no cents.
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

    /**
     * The sample's MRR, rounded to $200, read "$56,000.00" in its tables and tooltips, and the forecast fitted to it
     * "$58,720.73": cents neither has. Both are whole dollars now; an ARPU, an average, keeps its cents.
     */
    @Test
    void roundedRevenue_andItsForecast_areShownInWholeDollars() throws Exception {
        Path site = Fixtures.slicedSample("country");
        List<String> mrr = Files.readAllLines(site.resolve("csv/revenue-mrr.csv"), StandardCharsets.UTF_8);
        String[] last = mrr.get(mrr.size() - 1).split(",", -1);
        String revenue = Files.readString(site.resolve("revenue.html")).replaceAll("\\s+", " ");
        String outlook = Files.readString(site.resolve("outlook.html")).replaceAll("\\s+", " ");

        String shown = "$" + String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(last[1]));
        assertTrue(revenue.contains(">" + shown + "</td>"), "the as-of month's MRR, " + shown + ", as a table cell");
        assertTrue(revenue.contains("<title>Dec 2024: " + shown + "</title>"), "and in its chart's tooltip");
        assertFalse(revenue.contains(shown + ".00"), revenue);
        String arpu = "$" + String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(last[3]));
        assertTrue(revenue.contains(">" + arpu + "</td>"), "its ARPU keeps its cents: " + arpu);
        java.util.regex.Matcher cells = java.util.regex.Pattern.compile("data-label=\"forecast\">(\\$[^<]*)<").matcher(outlook);
        List<String> forecasts = new java.util.ArrayList<>();
        while (cells.find()) {
            forecasts.add(cells.group(1));
        }
        assertFalse(forecasts.isEmpty(), "the MRR forecast's table");
        assertTrue(forecasts.stream().allMatch(v -> v.matches("\\$[0-9,]+")), "MRR forecast in whole dollars: " + forecasts);
        assertFalse(java.util.regex.Pattern.compile("\\$[0-9]{1,3},[0-9]{3}\\.[0-9]{2}").matcher(outlook).find(),
                "no MRR, nor a forecast of it, in cents");
    }

    /** A country's slice has one country: its country page compared it with itself ("100.0% of all countries’ 120 members"). */
    @Test
    void aCountrysSlice_comparesItsCountryWithNoOtherCountry() throws Exception {
        Path site = Fixtures.slicedSample("country");
        String slice = Files.readString(site.resolve("slices/spain/country-spain.html"));
        String whole = Files.readString(site.resolve("country-spain.html"));

        assertFalse(slice.contains("of all countries"), slice);
        assertTrue(whole.contains("of all countries’ MRR"), "the whole report's page still gives Spain's share");
    }
}
