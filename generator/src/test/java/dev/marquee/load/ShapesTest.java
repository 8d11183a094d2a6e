package dev.marquee.load;

import dev.marquee.run.Background;
import dev.marquee.Fixtures;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.model.DataModel;
import dev.marquee.model.Problem;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The six public file shapes, recognised by header and mapped onto the data model by their shapes/*.yaml SQL. */
class ShapesTest {

    private static final Path EXCERPTS = Fixtures.EXCERPTS;

    @TempDir
    Path temp;

    private DuckDbEngine loadOnly(Path source, String file) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("data-" + file.hashCode()));
        Files.copy(source.resolve(file), folder.resolve(file));
        DuckDbEngine engine = DuckDbEngine.inMemory(temp, "1GB");
        LoadResult loaded;
        try (Background background = Background.open()) {
            loaded = DataLoader.load(background, folder, DataModel.standard(), engine, Files.createDirectories(temp.resolve("scratch")));
        }
        assertTrue(loaded.problems().stream().noneMatch(p -> p.severity() == Problem.Severity.FATAL), loaded.problems().toString());
        return engine;
    }

    @Test
    void netflixCatalogue_parsesDatesDurationsAndGenres() throws Exception {
        try (DuckDbEngine engine = loadOnly(EXCERPTS, "netflix_titles.csv")) {
            assertEquals(12L, engine.scalar("SELECT count(*) FROM titles"));
            assertEquals(List.of("Dick Johnson Is Dead", "Movie", "Documentaries", 2020L, "PG-13", 90L, LocalDate.of(2021, 9, 25)),
                    engine.query("SELECT title, type, genres, release_year, maturity_rating, runtime_minutes, date_added FROM titles "
                            + "WHERE title_id = 'nf-s1'").rows().get(0));
            assertEquals("International TV Shows|TV Dramas|TV Mysteries", engine.scalar("SELECT genres FROM titles WHERE title_id = 'nf-s2'"));
            // "74 min" sits in the rating column of s5542: it is the runtime, and the rating is unknown.
            assertEquals(java.util.Arrays.asList(74L, null), engine.query("SELECT runtime_minutes, maturity_rating FROM titles WHERE title_id = 'nf-s5542'").rows().get(0));
            assertEquals(java.util.Arrays.asList(2L, LocalDate.of(2017, 8, 4)), engine.query(
                    "SELECT seasons, date_added FROM titles WHERE title_id = 'nf-s6080'").rows().get(0), "\" August 4, 2017\"");
        }
    }

    @Test
    void userbase_becomesAPopulationWithJoinDatesAndLastPayments_andNothingMadeUp() throws Exception {
        try (DuckDbEngine engine = loadOnly(EXCERPTS, "Netflix Userbase.csv")) {
            assertEquals(12L, engine.scalar("SELECT count(*) FROM member_profiles"));
            assertEquals(List.of("Netflix Userbase.csv", LocalDate.of(2022, 1, 15), "United States", 28L, "Basic",
                            new java.math.BigDecimal("10.00"), "Smartphone", LocalDate.of(2023, 6, 10), "payment"),
                    engine.query("SELECT source, signup_date, country, age, plan, monthly_fee, device, last_activity_date, "
                            + "last_activity_kind FROM member_profiles WHERE user_id = 'ub-1'").rows().get(0));
            assertEquals(0L, engine.scalar("SELECT count(*) FROM subscriptions"), "no subscription history is made up");
            assertEquals(0L, engine.scalar("SELECT count(*) FROM payments"), "no payment history either");
        }
    }

    @Test
    void churnTable_becomesAPopulationWithUuidIdsChurnFlagsAndDaysSinceLogin() throws Exception {
        try (DuckDbEngine engine = loadOnly(EXCERPTS, "netflix_customer_churn.csv")) {
            assertEquals(12L, engine.scalar("SELECT count(*) FROM member_profiles"));
            assertEquals(List.of("Africa", "Basic", true, 14.73, 29L, "Gift Card", 1L),
                    engine.query("SELECT region, plan, churned, watch_hours, days_since_last_activity, payment_method, profiles "
                            + "FROM member_profiles WHERE user_id = 'cc-a9b75100-82a8-427a-a208-72f24052884a'").rows().get(0));
        }
    }

    @Test
    void usersWithNames_neverLoadTheName() throws Exception {
        try (DuckDbEngine engine = loadOnly(EXCERPTS, "netflix_users.csv")) {
            assertEquals(12L, engine.scalar("SELECT count(*) FROM member_profiles"));
            assertEquals("United States", engine.scalar("SELECT country FROM member_profiles WHERE user_id = 'nu-2'"), "USA");
            assertFalse(engine.query("SELECT * FROM member_profiles").rows().toString().contains("James Martinez"));
        }
    }

    @Test
    void whatWeWatched_keepsKoreanTitlesHoursViewsAndHmmRuntimes_forTheHalfYearItsNameSays() throws Exception {
        try (DuckDbEngine engine = loadOnly(EXCERPTS, "what_we_watched_2025H1_shows.csv")) {
            assertEquals(List.of("What We Watched, Jan–Jun 2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), "TV Show",
                            true, 555100000.0, 144800000.0, 230L),
                    engine.query("SELECT report, period_start, period_end, type, available_globally, hours_viewed, views, "
                            + "runtime_minutes FROM title_engagement WHERE title = 'Adolescence: Limited Series'").rows().get(0));
            assertEquals(1L, engine.scalar("SELECT count(*) FROM title_engagement WHERE title LIKE '%오징어 게임: 시즌 2%'"));
            assertEquals(0L, engine.scalar("SELECT count(*) FROM titles"), "an engagement report is not a catalogue");
        }
    }

    @Test
    void justWatch_turnsListLiteralsIntoGenres() throws Exception {
        try (DuckDbEngine engine = loadOnly(EXCERPTS, "justwatch_netflix_titles_imdb_tmdb.csv")) {
            assertEquals(12L, engine.scalar("SELECT count(*) FROM titles"));
            assertEquals(List.of("Rocky", "Movie", "Drama|Sport", 119L), engine.query(
                    "SELECT title, type, genres, runtime_minutes FROM titles WHERE title_id = 'jw-tm82169'").rows().get(0));
        }
    }

    @Test
    void unknownFile_isNamedWithItsColumnCountAndTheExpectedColumns_notWithItsHeader() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("unknown"));
        Files.writeString(folder.resolve("mystery.csv"), "a,b\n1,2\n");
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "1GB"); Background background = Background.open()) {
            LoadResult loaded = DataLoader.load(background, folder, DataModel.standard(), engine, Files.createDirectories(temp.resolve("s")));
            Problem note = loaded.problems().get(0);
            assertEquals("unknown-file", note.rule());
            assertEquals("mystery.csv", note.file());
            assertTrue(note.message().contains("its header (2 columns) matches no known public file"), note.message());
            assertFalse(note.message().contains("[a, b]"), "a file that is not ours may hold anything: " + note.message());
            assertTrue(note.message().contains("Netflix catalogue"), note.message());
        }
    }

    /**
     * The Data page says how a file was read where it gets something wrong or leaves it open: the catalogue's rating
     * column holding a duration (lines 10 and 11 of the excerpt, two of the real file's three rows), a churn table's fees
     * without a currency and watch hours without a period.
     */
    @Test
    void dataPage_saysHowTheFilesWereRead() throws Exception {
        Path site = Fixtures.siteOf(temp, EXCERPTS.resolve("netflix_titles.csv"), EXCERPTS.resolve("netflix_customer_churn.csv"),
                EXCERPTS.resolve("Netflix Userbase.csv"));

        String dataPage = Files.readString(site.resolve("data.html"));
        assertTrue(dataPage.contains("<code>netflix_titles.csv column rating</code>: 2 rows with a duration (such as “74 min”) in the "
                + "rating column: read as the title's runtime, with no maturity rating (“Not rated”) (lines 10, 11)"), dataPage);
        assertTrue(dataPage.contains("<code>netflix_customer_churn.csv column monthly_fee</code>: gives no currency for its fees: they "
                + "are read as US dollars"), dataPage);
        assertTrue(dataPage.contains("<code>netflix_customer_churn.csv column watch_hours</code>: gives no period for its watch hours"),
                dataPage);
        // The column as the file's header writes it.
        assertTrue(dataPage.contains("<code>Netflix Userbase.csv column Monthly Revenue</code>: gives no currency for its fees"), dataPage);
    }

    /**
     * A catalogue row repeated under another show_id (the real file lists "Consequences" as s3372 and s6530) is counted
     * twice, and the Data page says so with both lines.
     */
    @Test
    void dataPage_namesACatalogueRowRepeatedUnderAnotherId() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("repeated"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(EXCERPTS.resolve("netflix_titles.csv")));
        lines.add(lines.get(1).replaceFirst("^s1,", "s9999,").replace("Dick Johnson Is Dead,", "Dick Johnson Is Dead ,"));
        Files.write(folder.resolve("netflix_titles.csv"), lines);

        Path site = Fixtures.siteOf(Files.createDirectories(temp.resolve("site-repeated")), folder.resolve("netflix_titles.csv"));

        String dataPage = Files.readString(site.resolve("data.html"));
        assertTrue(dataPage.contains("<code>netflix_titles.csv column show_id</code>: 2 rows listing the same title, type, director, "
                + "release year and date added as another row, under another show_id: each is counted as a title (lines 2, " + lines.size()
                + ")"), dataPage);
    }

    @Test
    void allSixRealFiles_buildAReportWithoutAnyName() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Fixtures.SHARED_DATA), "the real files in ../shared/data are absent: skipped");
        Path site = Fixtures.siteOf(temp, java.util.stream.Stream.of("netflix_titles.csv", "Netflix Userbase.csv",
                "netflix_customer_churn.csv", "netflix_users.csv", "what_we_watched_2025H1_shows.csv",
                "justwatch_netflix_titles_imdb_tmdb.csv").map(Fixtures.SHARED_DATA::resolve).toArray(Path[]::new));

        String dataPage = Files.readString(site.resolve("data.html"));
        assertTrue(dataPage.contains("32,500"), "the 2,500 userbase, 5,000 churn-table and 25,000 users-table members are counted");
        assertTrue(dataPage.contains("Churn and retention"), "questions without their tables are listed as left out");
        List<String> names = Files.readAllLines(Fixtures.SHARED_DATA.resolve("netflix_users.csv")).stream().skip(1).limit(500)
                .map(line -> line.split(",")[1]).filter(name -> name.length() > 8).toList();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".pdf")).toList()) {
                String text = Files.readString(file);
                for (String name : names) {
                    assertFalse(text.contains(name), name + " published in " + file);
                }
            }
        }
    }

    @Test
    void realFiles_loadWithTheirRowCounts() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Fixtures.SHARED_DATA), "the real files in ../shared/data are absent: skipped");
        try (DuckDbEngine engine = loadOnly(Fixtures.SHARED_DATA, "netflix_titles.csv")) {
            assertEquals(8807L, engine.scalar("SELECT count(*) FROM titles"));
            assertEquals(10L, engine.scalar("SELECT count(*) FROM titles WHERE date_added IS NULL"), "10 blank date_added");
        }
        try (DuckDbEngine engine = loadOnly(Fixtures.SHARED_DATA, "Netflix Userbase.csv")) {
            assertEquals(2500L, engine.scalar("SELECT count(*) FROM member_profiles"));
        }
        try (DuckDbEngine engine = loadOnly(Fixtures.SHARED_DATA, "netflix_customer_churn.csv")) {
            assertEquals(5000L, engine.scalar("SELECT count(*) FROM member_profiles"));
        }
        try (DuckDbEngine engine = loadOnly(Fixtures.SHARED_DATA, "netflix_users.csv")) {
            assertEquals(25000L, engine.scalar("SELECT count(*) FROM member_profiles"));
        }
        try (DuckDbEngine engine = loadOnly(Fixtures.SHARED_DATA, "justwatch_netflix_titles_imdb_tmdb.csv")) {
            assertEquals(6137L, engine.scalar("SELECT count(*) FROM titles"));
            assertEquals("Drama|Sport", engine.scalar("SELECT genres FROM titles WHERE title_id = 'jw-tm82169'"));
        }
    }
}
