package dev.marquee.history;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The region alert on the sample (the project's targets.yaml): December 2024's churn by region names Latin America,
 * Europe and North America and merges Asia-Pacific and Middle East &amp; Africa into "Other (small groups)" (Middle East
 * &amp; Africa has 8 churners, under k). Middle East &amp; Africa's 8 of 60, 13.3%, lies above all regions' 4.0% by more
 * than its interval, but its rate is not published: the alert judges the regions shown, and says so. It read "met",
 * "Every region's 95% interval reaches down to the rate of all regions" (a reader review found it).
 */
class RegionAlertTest {

    @TempDir
    Path work;

    @Test
    void anAlertOnRegionsSomeMerged_judgesTheRegionsShown_andSaysSo() throws Exception {
        Path site = work.resolve("site");
        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.ROOT.resolve("data").toString(), "--as-of", "2024-12-31",
                "--targets", Fixtures.ROOT.resolve("targets.yaml").toString(), "--out", site.toString());
        assertEquals(0, run.exitCode(), run.err());

        String edition = Fixtures.read(site.resolve("edition.json"));
        assertTrue(edition.contains("{\"id\": \"region-churn\", \"name\": \"No region churns above all regions by more than its interval\", "
                + "\"status\": \"met\", \"bound\": \"\", \"now\": \"among the regions shown\", \"detail\": \"Every region shown has a 95% "
                + "interval reaching down to the rate of all regions, 4.0%, or below; the regions merged into “Other (small groups)” "
                + "to protect small groups are not judged one by one\"}"), edition);
        assertTrue(Fixtures.read(site.resolve("churn.html")).contains(
                "Target “No region churns above all regions by more than its interval”: met (among the regions shown)."));
    }
}
