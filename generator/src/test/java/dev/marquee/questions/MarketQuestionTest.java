package dev.marquee.questions;

import dev.marquee.Fixtures;
import dev.marquee.Pipeline;
import dev.marquee.run.ReportException;
import dev.marquee.config.Config;
import dev.marquee.engine.Table;
import dev.marquee.present.Takeaway;
import dev.marquee.report.Report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The market view on the hand-built fixtures in fixtures/market and fixtures/market-shows (their READMEs have the computations). */
class MarketQuestionTest {

    private static Report report;
    /** fixtures/market-shows (its README has the counts): tv_shows.csv, a list of shows, and a catalogue that lists movies. */
    private static Report withShowsList;
    /** fixtures/market-shows/tv_shows.csv alone: a list of shows, the report's own service (Netflix) holding one show. */
    private static Report showsAlone;
    private static Path work;

    @BeforeAll
    static void build() throws Exception {
        work = Fixtures.scratch("marquee-market-");
        report = build(Fixtures.FIXTURES.resolve("market"), work.resolve("site"));
        withShowsList = build(Fixtures.FIXTURES.resolve("market-shows"), work.resolve("shows-site"));
        Path showsData = Files.createDirectories(work.resolve("shows-alone"));
        Files.copy(Fixtures.FIXTURES.resolve("market-shows/tv_shows.csv"), showsData.resolve("tv_shows.csv"));
        showsAlone = build(showsData, work.resolve("shows-alone-site"));
    }

    private static Report build(Path data, Path site) throws ReportException {
        Config config = Config.defaults().withDataDir(data).withOutDir(site)
                .withQuestionsDir(Fixtures.QUESTIONS).withAsOf(LocalDate.of(2021, 12, 31)).withMinGroupSize(1);
        return new Pipeline(config, new PrintStream(new ByteArrayOutputStream())).build();
    }

    private static Table result(String statement) {
        return result(report, "market", statement);
    }

    private static Table result(Report report, String question, String statement) {
        return section(report, question).answer().result(statement);
    }

    private static dev.marquee.report.Section section(Report report, String question) {
        return report.sections().stream().filter(s -> s.slug().equals(question)).findFirst().orElseThrow();
    }

    /** A page's narrative as the reader reads it: one line, no Markdown escapes. */
    private static String text(Report report, String question) {
        return Takeaway.plain(section(report, question).narrative());
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** Cells equal, numbers to 1e-9 (results keep twelve significant digits). */
    private static boolean same(List<?> want, List<?> got) {
        if (want.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            Object w = want.get(i);
            Object g = got.get(i);
            boolean equal = w instanceof Number wn && g instanceof Number gn
                    ? Math.abs(wn.doubleValue() - gn.doubleValue()) <= 1e-9 * Math.max(1, Math.abs(wn.doubleValue()))
                    : java.util.Objects.equals(w, g);
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    private static void assertRows(List<List<Object>> want, Table table) {
        assertEquals(want.size(), table.rowCount(), table.rows().toString());
        for (int r = 0; r < want.size(); r++) {
            assertTrue(same(want.get(r), table.rows().get(r)), "row " + r + ": " + table.rows().get(r) + " vs " + want.get(r));
        }
    }

    private static void assertHasRow(Table table, List<Object> want) {
        assertTrue(table.rows().stream().anyMatch(r -> same(want, r)), want + " not in " + table.rows());
    }

    @Test
    void catalogues_ofThreeServices_withTheirMix() {
        assertRows(List.of(row("Netflix", 3L, 2L, 1L, 2 / 3.0), row("Prime Video", 3L, 2L, 1L, 2 / 3.0),
                row("Disney+", 1L, 1L, 0L, 1.0)), result("catalogue"));
    }

    @Test
    void aServiceKnownOnlyFromAListOfShows_hasNoMovieCount() {
        assertRows(List.of(row("Hulu", 2L, null, 2L, null), row("Netflix", 2L, 1L, 1L, 0.5), row("Prime Video", 1L, 0L, 1L, 0.0)),
                result(withShowsList, "market", "catalogue"));
    }

    @Test
    void aServiceKnownOnlyFromAListOfShows_theNarrativeSaysWhy() {
        assertTrue(text(withShowsList, "market").contains(
                "No movie count for Hulu (left empty, not 0): their titles come only from lists of shows (tv_shows.csv)."),
                text(withShowsList, "market"));
    }

    @Test
    void aListOfShowsAlone_noServiceHasAMovieCount_norTheCataloguePage() {
        assertRows(List.of(row("Hulu", 2L, null, 2L, null), row("Netflix", 1L, null, 1L, null), row("Prime Video", 1L, null, 1L, null)),
                result(showsAlone, "market", "catalogue"));
        assertRows(List.of(row(2000, null, 1L)), result(showsAlone, "catalogue", "by_decade"));
        assertTrue(text(showsAlone, "catalogue").contains(
                "Movies are not counted (left empty, not 0): the catalogue comes only from lists of shows (tv_shows.csv)."),
                text(showsAlone, "catalogue"));
    }

    @Test
    void aCatalogueOfOneType_namesItsTitlesOnce() {
        assertTrue(text(showsAlone, "catalogue").startsWith("The catalogue holds 1 show. Among the titles with a maturity rating, the most common is 18+."),
                text(showsAlone, "catalogue"));
    }

    @Test
    void aCatalogueOfMoviesAndShows_namesBoth() {
        // Netflix: Alpha, and Breaking Bad, which both files list: 2 titles from 3 entries. The catalogue file dates its
        // titles (the latest added on 3 May 2021), the list of shows does not: they need not be of one day.
        assertTrue(text(withShowsList, "catalogue").startsWith("The catalogue holds 1 movie and 1 show. More than one file lists 1 title, "
                        + "each counted once (3 entries in the files). Its 2 files need not be of one day (the last title added, in those "
                        + "that date their titles, was added on 3 May 2021), so it may hold titles that had left, or had not yet come, "
                        + "on any one day. Among the titles with a maturity rating"),
                text(withShowsList, "catalogue"));
    }

    @Test
    void noCatalogueOfTheReportsOwnService_theCataloguePageSaysSo() throws Exception {
        Path data = Files.createDirectories(work.resolve("disney-alone"));
        Files.copy(Fixtures.FIXTURES.resolve("market/disney_plus_titles.csv"), data.resolve("disney_plus_titles.csv"));
        Report disneyAlone = build(data, work.resolve("disney-alone-site"));

        assertEquals("No catalogue file lists a title of Netflix, the report's own service.", text(disneyAlone, "catalogue"));
    }

    @Test
    void catalogueFilesThatListMovies_noSentenceOnMovieCounts() {
        assertFalse(text(report, "market").contains("movie count"), text(report, "market"));
        assertFalse(text(withShowsList, "catalogue").contains("not counted"), text(withShowsList, "catalogue"));
    }

    /** The market's definitions name tables and values with underscores; the PDF prints them as the methodology page does. */
    @Test
    void definitions_keepTheUnderscoresOfNames_onTheMethodologyPageAndInThePdf() throws Exception {
        String page = Files.readString(work.resolve("site/methodology.html"));
        String pdf = Fixtures.poppler("pdftotext", work.resolve("site/report.pdf")).replaceAll("\\s+", " ");

        for (String name : List.of("reference table genre_map (", "reference table maturity_map,", "18+ and AGES_18_ compare",
                "unless MARQUEE_PLATFORM says")) {
            assertTrue(page.contains(name), name + " on the methodology page");
            assertTrue(pdf.contains(name), name + " in the PDF:\n" + pdf);
        }
    }

    /** Three catalogues in the layout of Kaggle's Netflix catalogue, each of its own service (named by the file). */
    @Test
    void sources_nameEachCataloguesOwnService_onTheDataPageAndInThePdf() throws Exception {
        String page = Files.readString(work.resolve("site/data.html"));
        String pdf = Fixtures.poppler("pdftotext", work.resolve("site/report.pdf")).replaceAll("\\s+", " ");

        for (String file : List.of("amazon_prime_titles.csv (Prime Video catalogue)", "disney_plus_titles.csv (Disney+ catalogue)",
                "netflix_titles.csv (Netflix catalogue)")) {
            assertTrue(page.contains(file), file + " on the Data page");
            assertTrue(pdf.contains(file), file + " in the PDF's sources:\n" + pdf);
        }
    }

    /** streaming_titles.csv's platform column names Netflix and Prime Video. */
    @Test
    void aCatalogueWithAPlatformColumn_isLabelledByTheServicesItLists() {
        String titles = withShowsList.quality().tables().stream().filter(t -> t.table().equals("titles")).findFirst().orElseThrow().file();

        assertEquals("streaming_titles.csv (Netflix and Prime Video catalogue) + tv_shows.csv (TV shows by service)", titles);
    }

    @Test
    void overlap_normalisesCasePunctuationAndTheLeadingThe() {
        assertRows(List.of(row("Netflix", "Prime Video", 2L), row("Prime Video", "Netflix", 2L)), result("overlap"));
        assertRows(List.of(row("Disney+", 1L, 1L, 1.0), row("Netflix", 3L, 1L, 1 / 3.0), row("Prime Video", 3L, 1L, 1 / 3.0)),
                result("exclusives"));
    }

    @Test
    void genresAndRatings_areOnOneScale() {
        Table genres = result("genres");
        assertHasRow(genres, row("Netflix", "Comedy", 1L, 1 / 3.0));
        assertHasRow(genres, row("Prime Video", "Drama", 2L, 2 / 3.0));
        assertHasRow(genres, row("Prime Video", "Comedy", 1L, 1 / 3.0));
        assertHasRow(genres, row("Netflix", "Documentary", 1L, 1 / 3.0));
        assertEquals(List.of(row("Disney+", "kids", 1L), row("Netflix", "family", 1L), row("Netflix", "teen", 1L),
                row("Netflix", "adult", 1L), row("Prime Video", "teen", 1L), row("Prime Video", "adult", 2L)), result("maturity").rows());
    }

    @Test
    void regions_quartersParsed_arpuFromAverageMembers_growthAndShare() {
        Table regions = result("regions");
        assertEquals(LocalDate.of(2018, 4, 1), regions.value(2, "quarter"));
        assertEquals("Region A", regions.value(2, "region"));
        assertEquals(1.0, regions.number(2, "arpu_per_month"), 1e-9, "330 / ((100 + 120) / 2) / 3");
        assertEquals(0.1, regions.number(2, "revenue_growth_qoq"), 1e-9);
        assertEquals(0.33, regions.number(2, "revenue_share"), 1e-9);
        assertEquals("Region B", regions.value(3, "region"), "doubled space collapsed");
    }

    /**
     * Region A's Apr 2018 row (fixtures/market): revenue 330, 120 members, ARPU 330 / ((100 + 120) / 2) / 3 = $1.00, share
     * 330 / 1000 = 33.0%, growth 330 / 300 - 1 = +10.0% (no year-on-year growth: the table leaves that empty column out). The two charts on the regions statement show the same table: each
     * column in its own unit under both (revenue and ARPU had been plain numbers under the other's chart, growth a ratio).
     */
    @Test
    void regionTables_writeEachColumnInItsUnit_underBothCharts() throws Exception {
        String page = Files.readString(work.resolve("site/market.html"));

        for (String chart : List.of("region-revenue", "region-arpu")) {
            String table = page.substring(page.indexOf("id=\"chart-market-" + chart + "\""));
            java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr><td[^>]*>Region A</td><td[^>]*>Apr 2018</td>(.*?)</tr>").matcher(table);
            assertTrue(row.find(), chart);
            List<String> cells = java.util.regex.Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row.group(1)).results()
                    .map(m -> m.group(1)).toList();
            assertEquals(List.of("$330", "120", "$1.00", "33.0%", "+10.0%", "DataNetflixRevenue2020_V2.csv",
                    "DataNetflixSubscriber2020_V2.csv"), cells, chart);
        }
    }

    @Test
    void fiscalQuarters_moveToTheCalendarQuarterTheyCover() {
        Table services = result("services");
        assertHasRow(services, row("Disney+", LocalDate.of(2019, 10, 1), 26_500_000.0, "Sub_Change_Summary.csv"));
        assertHasRow(services, row("Netflix", LocalDate.of(2020, 1, 1), 182_860_000.0, "Sub_Change_Summary.csv"));
        assertTrue(services.rows().stream().noneMatch(r -> r.get(0).equals("Peacock")), "#N/A is no figure");
    }

    /**
     * The fixture's members on calendar quarters: Oct 2019 Disney+ 26.5M and Hulu 30.4M; Jan 2020 Disney+ 33.5M, Hulu
     * 32.1M and Netflix 182.86M; Apr 2020 Netflix 192.95M alone (Disney's fiscal 20Q3 is not in it). Only Jan 2020 has
     * all three: its shares are of 248.46M. Before, Apr 2020 gave Netflix 100% and Oct 2019 Disney+ 46.6%.
     */
    @Test
    void marketShares_onlyInTheQuartersEveryServiceWithFiguresReported() {
        double all = 33.5 + 32.1 + 182.86;
        assertRows(List.of(row("Disney+", LocalDate.of(2020, 1, 1), 33_500_000.0, 33.5 / all, "Sub_Change_Summary.csv"),
                row("Hulu", LocalDate.of(2020, 1, 1), 32_100_000.0, 32.1 / all, "Sub_Change_Summary.csv"),
                row("Netflix", LocalDate.of(2020, 1, 1), 182_860_000.0, 182.86 / all, "Sub_Change_Summary.csv")), result("shares"));
    }

    /** The headline share is the chart's last bar (Jan 2020, 182.86 / 248.46 = 73.6%), not Apr 2020's Netflix alone (100%). */
    @Test
    void subscriberShareKpi_isTheLatestQuarterEveryServiceWithFiguresReported() {
        Table kpis = result("kpis");

        assertEquals("subscriber_share", kpis.value(1, "kpi"));
        assertEquals(182.86 / (33.5 + 32.1 + 182.86), kpis.number(1, "value"), 1e-9);
        assertEquals("Jan 2020, the latest quarter all 3 services with member figures reported", kpis.value(1, "comparison"));
    }

    @Test
    void marketShares_theNarrativeSaysWhichQuartersAndWhy() {
        assertTrue(text(report, "market").endsWith("Market share compares like with like: each service's share of the members of "
                + "the 3 services with member figures (Disney+, Hulu, Netflix), counted only in the 1 quarter all of them reported, "
                + "up to Jan 2020. The latest quarter with figures, Apr 2020, is left out: Disney+ and Hulu had not reported it. "
                + "Other quarters are left out too, each lacking a figure of Netflix."), text(report, "market"));
    }

    @Test
    void oneServiceOnly_leavesTheMarketOutWithAReason() throws Exception {
        Path data = Files.createDirectories(work.resolve("one"));
        Files.copy(Fixtures.FIXTURES.resolve("market/netflix_titles.csv"), data.resolve("netflix_titles.csv"));
        Fixtures.Run run = Fixtures.marquee("build", "--data", data.toString(), "--out", work.resolve("one-site").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(work.resolve("one-site/data.html")).contains("needs catalogues of at least two services (found 1)"));
    }

    @Test
    void catalogueOfAnUnknownService_isRefusedWithHowToNameIt() throws Exception {
        Path data = Files.createDirectories(work.resolve("unknown"));
        Files.copy(Fixtures.FIXTURES.resolve("market/disney_plus_titles.csv"), data.resolve("streamco_catalogue.csv"));
        Fixtures.Run run = Fixtures.marquee("validate", "--data", data.toString());

        assertEquals(ReportException.DATA_PROBLEM, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("streamco_catalogue.csv:1: is a catalogue, but of which service? Name the file like "
                + "netflix_titles.csv or amazon_prime_titles.csv, add a line 'streamco_catalogue.csv,<Service>,<two-letter id prefix>' "
                + "to shapes/services.csv, or add a platform column [unknown-service]"), run.err());
    }

    @Test
    void realMarketFiles_loadAndBuildWithNoEmptyChart() throws Exception {
        Path market = Fixtures.SHARED_DATA.resolve("market");
        Assumptions.assumeTrue(Files.isDirectory(market), "../shared/data/market is absent: skipped");
        Path data = Files.createDirectories(work.resolve("real"));
        Files.copy(Fixtures.SHARED_DATA.resolve("netflix_titles.csv"), data.resolve("netflix_titles.csv"));
        for (String file : List.of("amazon_prime_titles.csv", "disney_plus_titles.csv", "DataNetflixRevenue2020_V2.csv",
                "DataNetflixSubscriber2020_V2.csv", "Sub_Change_Summary.csv", "tv_shows.csv")) {
            Files.copy(market.resolve(file), data.resolve(file));
        }
        Config config = Config.defaults().withDataDir(data).withOutDir(work.resolve("real-site")).withQuestionsDir(Fixtures.QUESTIONS);
        Report real = new Pipeline(config, new PrintStream(new ByteArrayOutputStream())).build();

        var section = real.sections().stream().filter(s -> s.slug().equals("market")).findFirst().orElseThrow();
        // 9,668 Prime Video, 8,807 Netflix and 1,450 Disney+ catalogue rows, and each service's shows in tv_shows.csv: a
        // show both list is one title. Counted here from the raw files, not by the report's SQL.
        // A service known only from tv_shows.csv, a list of shows (Hulu here), has no movie count.
        Map<String, CatalogueCount.Count> expected = CatalogueCount.perService(Map.of(
                Fixtures.SHARED_DATA.resolve("netflix_titles.csv"), "Netflix", market.resolve("amazon_prime_titles.csv"), "Prime Video",
                market.resolve("disney_plus_titles.csv"), "Disney+"), market.resolve("tv_shows.csv"));
        Table catalogue = section.answer().result("catalogue");
        assertEquals(expected.size(), catalogue.rowCount(), catalogue.rows().toString());
        for (List<Object> got : catalogue.rows()) {
            CatalogueCount.Count want = expected.get((String) got.get(0));
            assertTrue(same(row(got.get(0), want.titles(), want.movies(), want.shows(), want.movieShare()), got), got + " vs " + want);
        }
        assertEquals(new CatalogueCount.Count(7814L, 3218L), expected.get("Prime Video"),
                "Prime Video: 1,854 catalogue shows and 1,831 listed shows, 467 of them the same");
        assertEquals(null, expected.get("Hulu").movies(), "Hulu's titles come only from tv_shows.csv, which lists shows only");
        assertEquals(40L + 40L + 59L, real.quality().tables().stream().filter(t -> t.table().equals("market_figures"))
                .findFirst().orElseThrow().rowsRead(), "40 revenue and 40 member rows, and 16 quarters × 4 services less Peacock's 5 #N/A");
        for (var chart : section.charts()) {
            assertTrue(chart.data().rowCount() > 0, chart.fileStem() + " is empty");
        }
        // Sub_Change_Summary.csv: all four services have figures from Apr 2021 (Peacock's first, 21Q2) to Jul 2023 (Disney's
        // fiscal 23Q4); Oct 2023 has Netflix's and Peacock's alone. Jul 2023: Netflix 247.15M of 150.2 + 48.5 + 247.15 + 28
        // = 473.85M, 52.2% (the latest quarter, Netflix and Peacock alone, had made it 89.4%).
        Table shares = section.answer().result("shares");
        assertEquals(40, shares.rowCount(), "10 quarters × 4 services");
        assertEquals(LocalDate.of(2021, 4, 1), shares.value(0, "quarter"));
        assertEquals(LocalDate.of(2023, 7, 1), shares.value(39, "quarter"));
        assertEquals(247.15 / 473.85, section.answer().result("kpis").number(1, "value"), 1e-9);
    }
}
