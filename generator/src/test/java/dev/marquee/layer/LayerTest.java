package dev.marquee.layer;

import dev.marquee.query.Statements;
import dev.marquee.Fixtures;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.engine.Table;
import dev.marquee.query.Parameters;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The member layer on the hand-built fixture of fixtures/questions (its README tells every member's story), as of
 * 2024-03-31: each expectation below is worked out from the fixture's rows by hand.
 */
class LayerTest {

    private static DuckDbEngine engine;

    @BeforeAll
    static void buildTheLayer() throws Exception {
        engine = BuiltLayer.of(Fixtures.FIXTURES.resolve("questions"), LocalDate.of(2024, 3, 31));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static List<Object> member(String id) {
        Table row = engine.query("SELECT source, country, region, age_band, plan, monthly_fee, main_device, last_activity_date, "
                + "days_since_last_activity, watch_hours, favourite_genre, active, current, churned, ended_on FROM member "
                + "WHERE user_id = '" + id + "'");
        assertEquals(1, row.rowCount(), "one row for member " + id);
        return row.rows().get(0);
    }

    @Test
    void aStatementsLayerTables_areThoseItReadsAndTheirInputs_inBuildOrder_withTheSqlAsBound() {
        Layer layer = Layer.standard();
        Statements.Bound bound = Statements.expand(engine.dialect(), List.of(), layer.definitions())
                .bind(new Parameters(LocalDate.of(2024, 3, 31), 2, 15));

        List<Layer.Shown> shown = layer.readBy(List.of("-- member_title in a comment is not read\nSELECT count(*) FROM member"), bound,
                java.util.Set.of("member", "member_genre", "member_title"));

        // member reads member_device, which reads member_month_device, and member_genre, which reads member_title.
        assertEquals(List.of("member_title", "member_month_device", "member_genre", "member_device", "member"),
                shown.stream().map(Layer.Shown::name).toList());
        Layer.Shown member = shown.get(4);
        assertEquals(new Layer.Paragraph("One row per member of every population the data holds, as of the report date.", false),
                member.description().get(0));
        assertTrue(member.description().get(2).item() && member.description().get(2).text().startsWith("the event files"));
        assertEquals(new Layer.Paragraph("the member-level public files (member_profiles): each file its own population, with what "
                + "it gives.", true), member.description().get(3));
        assertTrue(member.sql().startsWith("WITH subscription_state AS ("), member.sql());
        assertTrue(member.sql().contains("DATE '2024-03-31'") && !member.sql().contains("{{"), "bound as the run binds it");
        assertEquals(List.of(false, true, false, true, false), shown.stream().map(Layer.Shown::empty).toList(), "not among the filled");
        assertTrue(layer.readBy(List.of("SELECT 1 FROM titles"), bound, java.util.Set.of()).isEmpty());
    }

    @Test
    void aFilesOpeningComment_becomesParagraphsAndListItems_withoutTheTablesName() {
        Layer.Shown shown = Layer.shown("totals", false, String.join("\r\n",
                "-- totals: one row per thing,",
                "-- added up once.",
                "--",
                "-- Per thing:",
                "-- * first: the first",
                "--   day;",
                "-- * last: the last day.",
                "-- Then a paragraph.",
                "",
                "-- A comment of the SQL, after the blank line that ends the description.",
                "SELECT 1 AS one"));

        assertEquals(List.of(new Layer.Paragraph("One row per thing, added up once.", false), new Layer.Paragraph("Per thing:", false),
                new Layer.Paragraph("first: the first day;", true), new Layer.Paragraph("last: the last day.", true),
                new Layer.Paragraph("Then a paragraph.", false)), shown.description());
        assertEquals("-- A comment of the SQL, after the blank line that ends the description.\nSELECT 1 AS one", shown.sql());
    }

    @Test
    void aFileWithoutAnOpeningComment_isShownWithoutADescription() {
        Layer.Shown shown = Layer.shown("bare", false, "SELECT 1 AS one\n-- a comment inside\n");

        assertEquals(List.of(), shown.description());
        assertEquals("SELECT 1 AS one\n-- a comment inside", shown.sql());
    }

    @Test
    void eachTableWaitsForTheTablesItReads_andNothingElse() {
        Layer layer = Layer.standard();
        java.util.function.Function<String, List<String>> inputs = name -> layer.inputs(layer.tables().stream()
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow()).stream().map(Layer.Table::name).toList();
        assertEquals(List.of(), inputs.apply("member_title"));
        assertEquals(List.of(), inputs.apply("member_month_device"));
        assertEquals(List.of(), inputs.apply("title_period"), "titles' months read the events, not a member's rollup");
        assertEquals(List.of(), inputs.apply("member_month"), "the subscriptions' months start beside the viewing rollups");
        assertEquals(List.of("member_title"), inputs.apply("member_genre"));
        assertEquals(List.of("member_genre", "member_device"), inputs.apply("member"));
        assertEquals(List.of("member_month_device"), inputs.apply("member_device"));
        assertEquals(List.of("member"), inputs.apply("hours_band"));
        assertEquals(List.of("member"), inputs.apply("recency_band"));
        assertEquals(List.of(), inputs.apply("genre_rating"), "the ratings per genre read no layer table");
        assertEquals(List.of("member_month_device"), inputs.apply("viewing_month"));
        assertEquals(List.of(), inputs.apply("plan_price"), "a plan's prices read the subscriptions and the member files");
        // The longest chain first: member × title, then member genres, then the member table.
        assertEquals(List.of("member_title", "member_month_device", "member_genre", "title_period", "viewing_month", "member_device",
                "member_month", "member", "genre_rating", "plan_price", "catalogue_title", "hours_band", "recency_band"), layer.names());
    }

    @Test
    void aTableDeclaredBeforeATableItReads_isRefused() {
        Layer layer = Layer.standard();
        Layer.Table member = layer.tables().stream().filter(t -> t.name().equals("member")).findFirst().orElseThrow();
        Layer.Table genres = layer.tables().stream().filter(t -> t.name().equals("member_genre")).findFirst().orElseThrow();
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new Layer(List.of(member, genres)));
        assertTrue(refused.getMessage().contains("member reads member_genre, which comes after it"), refused.getMessage());
    }

    @Test
    void aMemberWhoLeftAndCameBack_isCurrentOnTheReturnSubscription() {
        // Member 2: Standard ended 20 Feb, Standard again from 15 Mar; watched 25 minutes on Mobile on 16 Jan (Dramas).
        assertEquals(rounded(Arrays.asList("event files", "United States", "North America", "35–44", "Standard", new BigDecimal("15.49"),
                        "Mobile", LocalDate.of(2024, 1, 16), 75L, 25 / 60.0, "Dramas", true, true, false, null)),
                rounded(member("2")));
    }

    @Test
    void aMemberWhoLeft_keepsTheLastPlan_andTheDayTheyLeft() {
        // Member 5: Standard from 25 Jan to 10 Mar; 100 minutes on a Laptop on 2 Feb of a title that is Dramas and
        // Comedies (a tie: the first genre by name).
        assertEquals(rounded(Arrays.asList("event files", "France", "Europe", "25–34", "Standard", new BigDecimal("15.49"), "Laptop",
                        LocalDate.of(2024, 2, 2), 58L, 100 / 60.0, "Comedies", false, false, true, LocalDate.of(2024, 3, 10))),
                rounded(member("5")));
    }

    @Test
    void aMemberWhoNeverWatched_hasNoHoursDeviceGenreOrLastActivity() {
        // Member 6: Basic from 10 Mar, no age, no session.
        assertEquals(rounded(Arrays.asList("event files", "United States", "North America", "unknown", "Basic", new BigDecimal("8.99"), null,
                        null, null, 0.0, null, true, true, false, null)),
                rounded(member("6")));
    }

    @Test
    void theMainDevice_isTheOneWithTheMostMinutes() {
        // Member 3: 60 minutes on a Tablet (Dramas, Comedies), 90 on the TV (Horror).
        List<Object> three = member("3");
        assertEquals("TV", three.get(6));
        assertEquals("Horror", three.get(10));
    }

    @Test
    void everyMemberOfTheEventFiles_onceEach() {
        assertEquals(6L, engine.scalar("SELECT count(*) FROM member"));
        assertEquals(5L, engine.scalar("SELECT count(*) FROM member WHERE current"), "member 5 has left");
    }

    @Test
    void titlePeriod_addsTheSessionsOfATitleInAMonth() {
        // Alpha (t1) in January: member 1 (100 min, finished) and member 3 (60 min, not finished).
        assertEquals(rounded(Arrays.asList(160 / 60.0, 2.0, 1L)), rounded(engine.query("SELECT hours_viewed, views, "
                + "completions FROM title_period WHERE title = 'Alpha' AND period_start = DATE '2024-01-01'").rows().get(0)));
    }

    @Test
    void dataModelPage_namesEveryColumnOfEveryLayerTable() {
        String page = Fixtures.read(Fixtures.ROOT.resolve("docs/data-model.md"));
        for (String table : Layer.standard().names()) {
            assertTrue(page.contains("| `" + table + "` |"), "docs/data-model.md lacks layer table " + table);
            for (String column : engine.query("SELECT * FROM " + table + " LIMIT 0").columnNames()) {
                assertTrue(page.contains("`" + column + "`"), "docs/data-model.md lacks " + table + "." + column);
            }
        }
    }

    @Test
    void theLargestTablesSumsAndCounts_areStoredAtHalfTheWidthDuckDbGivesThem() {
        // Held in memory beside the events: DECIMAL(38,2) and BIGINT here cost 1.7 GB more at a hundred million events.
        String widths = engine.query("SELECT table_name || '.' || column_name || ' ' || data_type FROM duckdb_columns() "
                        + "WHERE table_name IN ('member_title', 'member_month_device', 'member_device', 'member_genre', 'member_month') "
                        + "AND column_name IN ('minutes', 'sessions', 'completed_sessions', 'mrr_at_end', 'minutes_90d') "
                        + "ORDER BY table_name, column_name").rows().stream().map(r -> (String) r.get(0))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertEquals("""
                member_device.completed_sessions INTEGER
                member_device.minutes DECIMAL(18,2)
                member_device.minutes_90d DECIMAL(18,2)
                member_device.sessions INTEGER
                member_genre.minutes DECIMAL(18,2)
                member_month.mrr_at_end DECIMAL(18,2)
                member_month_device.completed_sessions INTEGER
                member_month_device.minutes DECIMAL(18,2)
                member_month_device.sessions INTEGER
                member_title.completed_sessions INTEGER
                member_title.minutes DECIMAL(18,2)
                member_title.sessions INTEGER""", widths);
    }

    /** Doubles to nine decimals and whole numbers as longs, so a sum of minutes over 60 compares with a fraction. */
    private static List<Object> rounded(List<Object> row) {
        return row.stream().map(v -> v instanceof Double d ? (Object) (Math.round(d * 1e9) / 1e9)
                : v instanceof Integer i ? (Object) i.longValue() : v).toList();
    }
}
