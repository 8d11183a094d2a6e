package dev.marquee.render;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A churn table alone has the churn model and no Outlook page: its Methodology page still defines the model's terms. */
class MethodologyTermsTest {

    @TempDir
    Path temp;

    @Test
    void aChurnTable_definesAucAndOddsRatios() throws Exception {
        String methodology = Fixtures.pageOf(temp, "methodology.html", Fixtures.EXCERPTS.resolve("netflix_customer_churn.csv"));
        assertTrue(methodology.contains("randomly chosen member who left was given a higher risk"), "AUC is defined");
        assertTrue(methodology.contains("How many times the odds of leaving are multiplied"), "odds ratios are defined");
    }

    /**
     * Each public file's report defines, on its Methodology page, the figures its pages show (the audit of figures shown
     * but not defined): members and churn by region, hours per member by favourite genre and age band, the catalogue's
     * release years, decades and maturity ratings, an engagement report's runtimes, release years and shares of hours, a
     * subscriber list's cumulative signups.
     */
    @Test
    void eachPublicFile_definesTheFiguresItsPagesShow() throws Exception {
        Map<String, List<String>> shown = new LinkedHashMap<>();
        shown.put("netflix_customer_churn.csv", List.of("Region", "Hours per member"));
        shown.put("netflix_users.csv", List.of("Region", "Hours per member"));
        shown.put("Netflix Userbase.csv", List.of("Region", "Cumulative signups"));
        shown.put("netflix_titles.csv", List.of("Release year", "Decade", "Maturity rating"));
        shown.put("what_we_watched_2025H1_shows.csv",
                List.of("Runtime minutes (engagement report)", "Release year (engagement report)", "Share of hours (engagement report)"));
        int n = 0;
        for (Map.Entry<String, List<String>> file : shown.entrySet()) {
            String methodology = Fixtures.pageOf(Files.createDirectories(temp.resolve("file-" + n++)), "methodology.html",
                    Fixtures.EXCERPTS.resolve(file.getKey()));
            for (String name : file.getValue()) {
                assertTrue(methodology.contains(">" + name + "</dt>"), name + " is defined for " + file.getKey());
            }
        }
    }

    /** A JustWatch export's genres are renamed by genre_map before they are averaged: the page says how ("european"). */
    @Test
    void aJustWatchExport_saysHowItsGenresWereRenamed() throws Exception {
        String methodology = Fixtures.pageOf(temp, "methodology.html", Fixtures.EXCERPTS.resolve("justwatch_netflix_titles_imdb_tmdb.csv"));
        assertTrue(methodology.contains("its 'european' is counted as International"), "the renaming is defined");
    }

    /** "Not rated" on the catalogue's chart by maturity rating says what it groups, as catalogue.sql groups them. */
    @Test
    void aCatalogue_saysWhatNotRatedGroups() throws Exception {
        String methodology = Fixtures.pageOf(temp, "methodology.html", Fixtures.EXCERPTS.resolve("netflix_titles.csv"));
        assertTrue(methodology.contains("groups the titles with no rating and those rated NR, UR, Unrated or Not Rated"),
                "Not rated is defined");
    }
}
