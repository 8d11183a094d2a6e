package dev.marquee.slice;

import dev.marquee.Fixtures;
import dev.marquee.catalog.FrontMatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --slices region} on the hand-made fixture {@code fixtures/slices}, as of 2024-03-31 with k = 1.
 *
 * <p>Given six members: 1 United States and 2 Canada (North America), 3 France and 4 Germany (Europe), 5 Brazil
 * (Latin America), 6 Atlantis (a country the regions table does not list: the slice Unknown). Every member has one
 * subscription, all still running except member 4's, which ended on 2024-03-10. In March 2024 they watched: member 1
 * 90 min, 2 45 min, 3 60 min, 4 30 min, 5 90 + 45.5 min, 6 30 min.
 */
class SlicesTest {

    static final Path DATA = Fixtures.FIXTURES.resolve("slices");
    static final List<String> REGIONS = List.of("europe", "latin-america", "north-america", "unknown");

    static Path site;

    @BeforeAll
    static void build() throws IOException {
        site = Fixtures.scratch("marquee-slices-").resolve("site");
        Fixtures.Run run = build(site);
        assertEquals(0, run.exitCode(), run.err());
    }

    static Fixtures.Run build(Path out) {
        return Fixtures.marquee("build", "--data", DATA.toString(), "--out", out.toString(), "--as-of", "2024-03-31",
                "--min-group-size", "1", "--slices", "region");
    }

    @Test
    void slices_oneFolderPerRegionOfTheMembers_unknownCountryAsItsOwnSlice() throws IOException {
        try (Stream<Path> folders = Files.list(site.resolve("slices"))) {
            assertEquals(REGIONS, folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void activeMembers_perRegion_addUpToTheWhole() {
        // Active on 2024-03-31: 1, 2 (North America), 3 (Europe; 4 left on 03-10), 5 (Latin America), 6 (Unknown).
        assertEquals(5.0, kpi("", "active_members"));
        assertEquals(Map.of("europe", 1.0, "latin-america", 1.0, "north-america", 2.0, "unknown", 1.0), perRegion("active_members"));
    }

    @Test
    void watchHours_perRegion_addUpToTheWhole() {
        // March 2024: North America 90 + 45 = 135 min = 2.25 h; Europe 60 + 30 = 90 min = 1.5 h;
        // Latin America 90 + 45.5 = 135.5 min = 2.2583 h; Unknown 30 min = 0.5 h; all 390.5 min = 6.5083 h.
        assertEquals(390.5 / 60, kpi("", "watch_hours"), 1e-9);
        Map<String, Double> hours = perRegion("watch_hours");
        assertEquals(2.25, hours.get("north-america"), 1e-9);
        assertEquals(1.5, hours.get("europe"), 1e-9);
        assertEquals(135.5 / 60, hours.get("latin-america"), 1e-9);
        assertEquals(0.5, hours.get("unknown"), 1e-9);
        assertEquals(kpi("", "watch_hours"), hours.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void mrr_perRegion_addsUpToTheWhole() {
        // Running subscriptions on 2024-03-31: North America 15.49 + 9.99, Europe 22.99, Latin America 15.49, Unknown 9.99.
        assertEquals(73.95, kpi("", "mrr"), 1e-9);
        Map<String, Double> mrr = perRegion("mrr");
        assertEquals(Map.of("europe", 22.99, "latin-america", 15.49, "north-america", 25.48, "unknown", 9.99), mrr);
    }

    @Test
    void churnRate_perRegion_averagesBackToTheWhole_weightedByMembersAtTheMonthsStart() {
        // Members at 1 March: 1, 2 (North America), 3, 4 (Europe); member 4 left on 03-10. Whole 1 / 4; Europe 1 / 2;
        // North America 0 / 2; Latin America and Unknown had no member at the month's start, so no rate.
        assertEquals(0.25, kpi("", "churn_rate"), 1e-12);
        assertEquals(0.5, kpi("slices/europe/", "churn_rate"), 1e-12);
        assertEquals(0.0, kpi("slices/north-america/", "churn_rate"), 1e-12);
        assertEquals(0.25, (0.5 * 2 + 0.0 * 2) / 4, 1e-12);
    }

    @Test
    void everySitePageOfASlice_namesTheSliceInItsTitle() throws IOException {
        try (Stream<Path> pages = Files.list(site.resolve("slices/europe"))) {
            List<Path> html = pages.filter(p -> p.toString().endsWith(".html")).toList();
            assertFalse(html.isEmpty());
            for (Path page : html) {
                assertTrue(Fixtures.read(page).contains("· Marquee streaming report · Region: Europe</title>"), page.toString());
            }
        }
    }

    @Test
    void everyPageOfASlicePdf_namesTheSlice() throws Exception {
        String text = Fixtures.poppler("pdftotext", site.resolve("slices/europe/report.pdf"));
        List<String> pages = Stream.of(text.split("\f")).filter(p -> !p.isBlank()).toList();
        assertTrue(pages.size() > 3, "pages: " + pages.size());
        for (int p = 0; p < pages.size(); p++) {
            assertTrue(pages.get(p).contains("Marquee streaming report · Region: Europe"), "page " + (p + 1) + " does not name the slice");
        }
    }

    @Test
    void theWholeReportsOverview_linksEachSlicesSiteAndPdf() {
        String overview = Fixtures.read(site.resolve("index.html"));
        assertTrue(overview.contains("<h2 id=\"slices-heading\">Per region</h2>"), overview);
        for (String region : REGIONS) {
            assertTrue(overview.contains("<a href=\"slices/" + region + "/index.html\">"), region);
            assertTrue(overview.contains("<a href=\"slices/" + region + "/report.pdf\">PDF</a>"), region);
        }
    }

    @Test
    void aSlicesTiles_setEachFigureBesideAllRegions_andItsOverviewLinksTheWholeReport() throws Exception {
        String europe = Fixtures.read(site.resolve("slices/europe/index.html"));
        // The whole report's figures, as its own tiles write them: 5 active members, a churn rate of 1 in 4.
        assertTrue(europe.contains("<span class=\"kpi-note kpi-whole\">All regions: 5 members</span>"), europe);
        assertTrue(europe.contains("<span class=\"kpi-note kpi-whole\">All regions: 25.0%</span>"), europe);
        assertTrue(europe.contains("<a href=\"../../index.html\">See the whole report</a>"), europe);
        assertFalse(Fixtures.read(site.resolve("index.html")).contains("kpi-whole"), "the whole report compares with nothing");
        String cover = Fixtures.poppler("pdftotext", site.resolve("slices/europe/report.pdf"), "-f", "1", "-l", "1");
        assertTrue(cover.contains("All regions: 25.0%"), cover);
    }

    @Test
    void withheldSlices_holdKMembersTogether_orTheSmallestPublishedOneJoinsThem() {
        // k = 10: Atlantis 3 members and Utopia 4 are withheld (7 together): the smallest published slice, Spain (12),
        // joins them, and the whole minus the published slices is 19 members.
        List<Slices.Slice> cut = Slices.complemented(List.of(slice("Atlantis", 3, false), slice("France", 30, true),
                slice("Spain", 12, true), slice("Utopia", 4, false)), 10);
        assertEquals(List.of(false, true, false, false), cut.stream().map(Slices.Slice::published).toList());
        // Withheld slices of 10 or more together, or none, stay as they are.
        assertEquals(List.of(false, true), Slices.complemented(List.of(slice("Atlantis", 10, false), slice("France", 30, true)), 10)
                .stream().map(Slices.Slice::published).toList());
    }

    @Test
    void withheldSlices_holdKMembersInEachRegion_orTheRegionsSmallestPublishedSliceJoinsThem() {
        // k = 10. Kenya (7) and Chile (2) are withheld: 9 together, so Spain (12) joins them; then 21 in all, but the
        // whole report's Middle East & Africa minus Nigeria and South Africa would be Kenya's 7, and its Latin America
        // minus Brazil would be Chile's 2: the smallest published slice of each region joins them.
        Map<String, Map<String, Long>> byRegion = Map.of("Kenya", Map.of("Middle East & Africa", 7L),
                "Chile", Map.of("Latin America", 2L), "Spain", Map.of("Europe", 12L),
                "Nigeria", Map.of("Middle East & Africa", 53L), "South Africa", Map.of("Middle East & Africa", 51L),
                "Brazil", Map.of("Latin America", 250L), "France", Map.of("Europe", 30L));
        List<Slices.Slice> cut = Slices.complemented(List.of(slice("Brazil", 250, true), slice("Chile", 2, false),
                slice("France", 30, true), slice("Kenya", 7, false), slice("Nigeria", 53, true), slice("South Africa", 51, true),
                slice("Spain", 12, true)), byRegion, 10);
        assertEquals(List.of(false, false, true, false, true, false, false), cut.stream().map(Slices.Slice::published).toList());
        // A region whose withheld slices hold k or more, or none, keeps its published slices.
        assertEquals(List.of(true, false, true), Slices.complemented(List.of(slice("Nigeria", 53, true), slice("Kenya", 12, false),
                slice("South Africa", 51, true)), Map.of("Kenya", Map.of("Middle East & Africa", 12L),
                "Nigeria", Map.of("Middle East & Africa", 53L), "South Africa", Map.of("Middle East & Africa", 51L)), 10)
                .stream().map(Slices.Slice::published).toList());
    }

    private static Slices.Slice slice(String value, long members, boolean published) {
        return new Slices.Slice(Dimension.Column.COUNTRY, value, value.toLowerCase(java.util.Locale.ROOT), "slice_" + value, members, published);
    }

    @Test
    void theWholeReport_isNotRenamed() {
        assertTrue(Fixtures.read(site.resolve("index.html")).contains("<title>Overview · Marquee streaming report</title>"));
    }

    @Test
    void build_twice_givesByteIdenticalSlices() throws IOException {
        Path again = Fixtures.scratch("marquee-slices-again-").resolve("site");
        Fixtures.Run run = build(again);
        assertEquals(0, run.exitCode(), run.err());

        assertSameSlices(site, again, 40);
    }

    /** Two runs' slices folders hold the same files, more than {@code atLeast}, byte for byte. */
    static void assertSameSlices(Path site, Path again, int atLeast) throws IOException {
        Map<String, byte[]> first = Fixtures.tree(site.resolve("slices"));
        Map<String, byte[]> second = Fixtures.tree(again.resolve("slices"));
        assertEquals(first.keySet(), second.keySet());
        assertTrue(first.size() > atLeast, "files: " + first.size());
        first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name + " differs between two runs"));
    }

    @Test
    void build_withoutSlices_writesNoSlicesFolder() throws IOException {
        Path plain = Fixtures.scratch("marquee-no-slices-").resolve("site");
        Fixtures.Run run = Fixtures.marquee("build", "--data", DATA.toString(), "--out", plain.toString(), "--as-of", "2024-03-31",
                "--min-group-size", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(plain.resolve("slices")));
        assertArrayEquals(Files.readAllBytes(site.resolve("report.pdf")), Files.readAllBytes(plain.resolve("report.pdf")));
    }

    @Test
    void slices_unknownDimension_failsNamingTheDimensions() throws IOException {
        Fixtures.Run run = Fixtures.marquee("build", "--data", DATA.toString(), "--out",
                Fixtures.scratch("marquee-slices-bad-").resolve("site").toString(), "--slices", "galaxy");
        assertEquals(3, run.exitCode());
        assertEquals("marquee: --slices must be one of [region, country, plan] or a slices file (.yaml), got galaxy\n", run.err());
    }

    @Test
    void slices_dataWithoutMembersOfTheEventFiles_failsSaying() throws IOException {
        Path out = Fixtures.scratch("marquee-slices-engagement-").resolve("site");
        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.FIXTURES.resolve("engagement").toString(), "--out", out.toString(),
                "--slices", "plan");
        assertEquals(3, run.exitCode(), run.out());
        assertEquals("marquee: --slices plan needs the members of the event files (users.csv with its viewing sessions and "
                + "subscriptions); the data has none, and the public files' populations are not sliced: leave --slices out\n", run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void slices_hostileCountries_getSafeFolderNamesAndTitles() throws Exception {
        Path out = Fixtures.scratch("marquee-slices-hostile-").resolve("site");
        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.FIXTURES.resolve("hostile").toString(), "--out", out.toString(),
                "--min-group-size", "1", "--slices", "country");
        assertEquals(0, run.exitCode(), run.err());

        try (Stream<Path> folders = Files.list(out.resolve("slices"))) {
            // Eight countries: "Côte d'Ivoire" and "Cote d Ivoire" read the same, 日本 and 中国 have no Latin letter.
            assertEquals(List.of("cote-d-ivoire--95ffc51d", "cote-d-ivoire--b3d9b42c", "esc-2jland", "right-to-left",
                    "svg-onload-alert-3", "united-states", "x--cf2abf0c", "x--f0e95216"),
                    folders.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Fixtures.read(out.resolve("slices/svg-onload-alert-3/index.html"))
                .contains("<title>Overview · Marquee streaming report · Country: \"&gt;&lt;svg onload=alert(3)&gt;</title>"));
        assertTrue(Fixtures.poppler("pdftotext", out.resolve("slices/right-to-left/report.pdf"), "-f", "1", "-l", "1")
                .startsWith("Marquee streaming report · Country: Right\uFFFDto left\n"));
        assertTrue(run.out().contains("slice") && run.out().contains("Country: Right\\u202eto left, "), run.out());
    }

    @Test
    void slice_withTheWholeServicesFigures_leavesThemOutSayingWhy() throws IOException {
        Path data = Fixtures.scratch("marquee-slices-engagement-data-");
        Fixtures.copyTree(DATA, data.resolve("data"));
        Files.copy(Fixtures.FIXTURES.resolve("engagement/what_we_watched_2025H1_movies.csv"),
                data.resolve("data/what_we_watched_2025H1_movies.csv"));
        Path out = data.resolve("site");

        Fixtures.Run run = Fixtures.marquee("build", "--data", data.resolve("data").toString(), "--out", out.toString(),
                "--as-of", "2024-03-31", "--min-group-size", "1", "--slices", "region");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(out.resolve("what-was-watched.html")));
        assertFalse(Files.exists(out.resolve("slices/europe/what-was-watched.html")));
        assertTrue(Fixtures.read(out.resolve("slices/europe/data.html")).contains("What was watched</strong>: needs an engagement report (Netflix's What We Watched), "
                + "figures of the whole service that are not cut by region; the whole report has it"));
    }

    /** A KPI's value in the metrics.json of the site folder {@code folder} ("" for the whole report). */
    static double kpi(String folder, String id) {
        return kpi(site, folder, id);
    }

    /** The same in the site {@code site}. */
    static double kpi(Path site, String folder, String id) {
        try {
            FrontMatter metrics = FrontMatter.parse(Fixtures.read(site.resolve(folder + "metrics.json")), 1, "metrics.json");
            for (FrontMatter kpi : metrics.mappings("kpis")) {
                if (kpi.string("id").orElseThrow().equals(id)) {
                    return Double.parseDouble(kpi.string("value").orElseThrow());
                }
            }
        } catch (FrontMatter.FrontMatterException e) {
            throw new AssertionError(e.getMessage());
        }
        throw new AssertionError("no KPI " + id + " in " + folder + "metrics.json");
    }

    static Map<String, Double> perRegion(String id) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String region : REGIONS) {
            values.put(region, kpi("slices/" + region + "/", id));
        }
        return values;
    }
}
