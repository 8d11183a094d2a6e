package dev.marquee.render;

import dev.marquee.Fixtures;
import dev.marquee.layer.Layer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQL beside a chart reads the report's own layer tables (member, member_title, genre_rating...), which no data
 * file holds: each SQL box links to the methodology page's entry of every one it reads, and that page gives what each
 * table holds and the SQL that builds it, as the run bound it. Built from the hand-made fixture of fixtures/questions.
 */
class LayerTablesShownTest {

    private static final Pattern SQL_BOX = Pattern.compile("(?s)<details class=\"sql\">(.*?)</details>");
    private static final Pattern TABLE_LINK = Pattern.compile("href=\"methodology.html#(table-[a-z-]+)\"");

    @TempDir
    static Path temp;
    private static Path site;

    @BeforeAll
    static void build() {
        site = temp.resolve("site");
        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.FIXTURES.resolve("questions").toString(), "--out",
                site.toString(), "--as-of", "2024-03-31", "--min-group-size", "2");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void everySqlBox_linksEachLayerTableItReads_toItsEntryOnTheMethodologyPage() throws IOException {
        String methodology = Fixtures.read(site.resolve("methodology.html"));
        List<String> names = Layer.standard().names();
        Set<String> linkedFromBoxes = new TreeSet<>();
        int boxes = 0;
        try (Stream<Path> pages = Files.list(site)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html") && !p.endsWith("methodology.html")).toList()) {
                Matcher box = SQL_BOX.matcher(Fixtures.read(page));
                while (box.find()) {
                    boxes++;
                    String code = box.group(1).replaceAll("(?s)<p class=\"sql-tables\">.*?</p>", "");
                    String sql = code.replaceAll("--[^\n]*", " ");
                    List<String> linked = new ArrayList<>();
                    Matcher link = TABLE_LINK.matcher(box.group(1));
                    while (link.find()) {
                        linked.add(link.group(1));
                    }
                    List<String> read = names.stream().filter(n -> Pattern.compile("\\b" + n + "\\b").matcher(sql).find())
                            .map(Views.LayerTableView::anchor).toList();
                    assertEquals(read, linked, page.getFileName() + ": the links of the SQL box\n" + code);
                    linkedFromBoxes.addAll(linked);
                }
            }
        }
        assertTrue(boxes > 30, "the question pages' SQL boxes: " + boxes);
        assertEquals(List.of("table-genre-rating"), links(site.resolve("genre-ratings.html"), "SQL (genre-ratings.sql: by_genre)"));
        assertEquals(List.of("table-member", "table-hours-band"), links(site.resolve("watch-time.html"), "SQL (watch-time.sql: distribution)"));
        assertEquals(List.of(), links(site.resolve("genre-ratings.html"), "SQL (genre-ratings.sql: distribution)"), "it reads the ratings");
        assertTrue(linkedFromBoxes.containsAll(List.of("table-member", "table-genre-rating", "table-member-title", "table-member-month")),
                linkedFromBoxes.toString());
        for (String anchor : linkedFromBoxes) {
            assertTrue(methodology.contains("<section class=\"layer-table\" id=\"" + anchor + "\">"), anchor + " has no entry");
        }
    }

    @Test
    void theMethodologyPage_givesEachTableReadWhatItHolds_andItsSqlAsRun_includingTheTablesItIsBuiltFrom() throws IOException {
        String methodology = Fixtures.read(site.resolve("methodology.html"));

        assertTrue(methodology.contains("<h2 id=\"tables\">The tables the SQL reads</h2>"), "the section");
        // member_genre is read by no question's SQL but member is built from it, so a reader following member finds it.
        assertTrue(methodology.contains("id=\"table-member-genre\""), "a table read through another one");
        String genres = section(methodology, "table-genre-rating");
        assertTrue(genres.contains("<p>The ratings given up to the as-of date, per genre,"), genres);
        assertTrue(genres.contains("stddev_samp(score) AS score_sd"), genres);
        assertTrue(genres.contains("r.rated_at &lt; DATE '2024-03-31' + INTERVAL '1' DAY"), "the SQL as run, escaped: " + genres);
        assertFalse(genres.contains("{{"), "no placeholder is left");
        String months = section(methodology, "table-member-month");
        assertTrue(months.contains("<ul><li>active_at_start, mrr_at_start: a subscription active on the first day, and the sum of"), months);
        assertFalse(genres.contains("Empty in this report"), "the fixture has ratings");
        // The same order every run: the layer's build order.
        assertTrue(methodology.indexOf("id=\"table-member-title-month\"") < methodology.indexOf("id=\"table-member\""));
    }

    /** The methodology links of one SQL box, found by its label. */
    private static List<String> links(Path page, String label) {
        Matcher box = SQL_BOX.matcher(Fixtures.read(page));
        while (box.find()) {
            if (box.group(1).contains("<summary>" + label + "</summary>")) {
                List<String> linked = new ArrayList<>();
                Matcher link = TABLE_LINK.matcher(box.group(1));
                while (link.find()) {
                    linked.add(link.group(1));
                }
                return linked;
            }
        }
        throw new AssertionError("no SQL box " + label + " on " + page.getFileName());
    }

    @Test
    void aTableTheDataLeavesEmpty_saysSo(@TempDir Path out) throws IOException {
        // Netflix's engagement reports give titles' viewing, no viewing sessions: title_period is filled from the reports
        // alone.
        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.FIXTURES.resolve("engagement").toString(), "--out",
                out.resolve("site").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(section(Fixtures.read(out.resolve("site/methodology.html")), "table-title-period").contains("Empty in this report"));

        // A Kaggle userbase alone gives no viewing sessions: the member table, read by its charts, is built from the
        // viewing rollups, which stay empty.
        Path data = Files.createDirectories(out.resolve("data"));
        Files.copy(Fixtures.FIXTURES.resolve("shapes/Netflix Userbase.csv"), data.resolve("Netflix Userbase.csv"));
        run = Fixtures.marquee("build", "--data", data.toString(), "--out", out.resolve("userbase").toString());
        assertEquals(0, run.exitCode(), run.err());
        String methodology = Fixtures.read(out.resolve("userbase/methodology.html"));
        for (String empty : List.of("table-member-title", "table-member-month-device", "table-member-device")) {
            assertTrue(section(methodology, empty).contains("<p class=\"note\">Empty in this report:"), empty + "\n" + methodology);
        }
        assertFalse(section(methodology, "table-member").contains("Empty in this report"));
    }

    @Test
    void onlyTheTablesOfTheChartsShown_areListed(@TempDir Path out) throws IOException {
        // A Kaggle userbase alone: the member table is read by the charts shown, and built from the viewing rollups
        // and members' titles (empty here); the subscriptions' months, titles' months and the hours bands are read only by
        // statements whose charts are left out for lack of data, so no SQL on the site reads them.
        Path data = Files.createDirectories(out.resolve("data"));
        Files.copy(Fixtures.FIXTURES.resolve("shapes/Netflix Userbase.csv"), data.resolve("Netflix Userbase.csv"));
        Fixtures.Run run = Fixtures.marquee("build", "--data", data.toString(), "--out", out.resolve("site").toString());
        assertEquals(0, run.exitCode(), run.err());

        Matcher entry = Pattern.compile("<section class=\"layer-table\" id=\"(table-[a-z-]+)\">")
                .matcher(Fixtures.read(out.resolve("site/methodology.html")));
        List<String> listed = new ArrayList<>();
        while (entry.find()) {
            listed.add(entry.group(1));
        }
        // The recency chart is shown (days since the last payment): its bands are the layer's. The revenue charts by plan
        // and country read the plans' prices (whether a sum is shown depends on them).
        assertEquals(List.of("table-member-title", "table-member-month-device", "table-member-genre", "table-member-device",
                "table-member", "table-plan-price", "table-recency-band"), listed);
    }

    private static String section(String page, String anchor) {
        int start = page.indexOf("<section class=\"layer-table\" id=\"" + anchor + "\">");
        assertTrue(start >= 0, anchor);
        return page.substring(start, page.indexOf("</section>", start));
    }
}
