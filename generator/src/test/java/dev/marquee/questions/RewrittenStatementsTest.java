package dev.marquee.questions;

import dev.marquee.Fixtures;
import dev.marquee.catalog.Catalog;
import dev.marquee.catalog.QuerySource;
import dev.marquee.catalog.Question;
import dev.marquee.config.Config;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.engine.Table;
import dev.marquee.layer.Layer;
import dev.marquee.load.DataLoader;
import dev.marquee.load.LoadResult;
import dev.marquee.model.DataModel;
import dev.marquee.query.Parameters;
import dev.marquee.query.Statements;
import dev.marquee.run.Background;
import dev.marquee.validate.Validator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The statements rewritten for speed (issue #18) on the hand-built fixture of fixtures/questions as of 2024-03-31,
 * before any privacy rule: each figure below is worked out from the fixture's rows by hand (its README tells every
 * member's story), so a rewrite that changes what they count fails here, not only against recorded results.
 */
class RewrittenStatementsTest {

    private static DuckDbEngine engine;
    private static Statements.Bound sql;
    private static List<Question> questions;

    @BeforeAll
    static void load() throws Exception {
        Path scratch = Fixtures.scratch("marquee-rewritten-");
        engine = DuckDbEngine.inMemory(scratch, "1GB");
        Parameters parameters = new Parameters(LocalDate.of(2024, 3, 31), 2, Parameters.DEFAULT_AT_RISK_DAYS);
        try (Background background = Background.open()) {
            DataModel model = DataModel.standard();
            LoadResult loaded = DataLoader.load(background, Fixtures.FIXTURES.resolve("questions"), model, engine, scratch);
            Validator.validate(background, engine, loaded, parameters.asOf(), Config.defaults().maxBadRowShare());
            questions = Catalog.read(Fixtures.QUESTIONS, Layer.standard().withModelTables(model.tableNames()),
                    Layer.standard().withMemberTables(model.memberTables()));
            sql = Statements.expand(engine.dialect(), questions, Layer.standard().definitions()).bind(parameters);
            // Enough ratings for one genre to be ranked: member 4 rates Bravo (Dramas) 3 on each of 28 days of
            // February, and member 6 rates it 1 on 5 April, after the as-of date, which no figure may count.
            engine.execute("INSERT INTO ratings (user_id, title_id, rated_at, score) SELECT '4', 't2', "
                    + "TIMESTAMP '2024-02-01 12:00:00' + d * INTERVAL '1' DAY, 3 FROM range(28) AS days(d)");
            engine.execute("INSERT INTO ratings (user_id, title_id, rated_at, score) VALUES ('6', 't2', TIMESTAMP '2024-04-05 10:00:00', 1)");
            Layer.standard().build(background, engine, sql);
        }
        // A second January payment of member 1's, failed: January then has three payments from two payers.
        engine.execute("INSERT INTO payments (payment_id, user_id, paid_on, amount, status) "
                + "VALUES ('p5', '1', DATE '2024-01-20', 8.99, 'failed')");
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void revenueCollected_payersAreMembersWithAPaymentThatMonth() {
        // January: member 1 paid 8.99 and had a payment fail (p5, added above), member 2 paid 15.49: 24.48 collected,
        // one failed payment, two payers (not three payments), one of them with a failure. February: member 1 paid
        // 8.99. March: member 1's payment failed (nothing collected, one failed payment, one payer, with a failure).
        assertEquals(List.of(
                        List.of(LocalDate.of(2024, 1, 1), 24.48, 1L, 2L, 1L),
                        List.of(LocalDate.of(2024, 2, 1), 8.99, 0L, 1L, 0L),
                        List.of(LocalDate.of(2024, 3, 1), 0.0, 1L, 1L, 1L)),
                rows("revenue", "collected"));
    }

    @Test
    void revenueCollected_payersOnBothSidesOfARunOf62Months() {
        // A member's months are the bits of one number per run of 62 months counted from January of year 0: February
        // 2020 (month 24,241) ends a run and March 2020 (24,242) starts the next, which January 2024 is in too. Member 2
        // pays 15.49 in both months and has a payment fail in March: each month has one payer, counted once.
        engine.execute("INSERT INTO payments (payment_id, user_id, paid_on, amount, status) VALUES "
                + "('q1', '2', DATE '2020-02-10', 15.49, 'paid'), ('q2', '2', DATE '2020-03-10', 15.49, 'paid'), "
                + "('q3', '2', DATE '2020-03-11', 15.49, 'failed')");
        try {
            assertEquals(List.of(
                            List.of(LocalDate.of(2020, 2, 1), 15.49, 0L, 1L, 0L),
                            List.of(LocalDate.of(2020, 3, 1), 15.49, 1L, 1L, 1L),
                            List.of(LocalDate.of(2024, 1, 1), 24.48, 1L, 2L, 1L),
                            List.of(LocalDate.of(2024, 2, 1), 8.99, 0L, 1L, 0L),
                            List.of(LocalDate.of(2024, 3, 1), 0.0, 1L, 1L, 1L)),
                    rows("revenue", "collected"));
        } finally {
            engine.execute("DELETE FROM payments WHERE payment_id IN ('q1', 'q2', 'q3')");
        }
    }

    @Test
    void churnAtRisk_currentMembersIdleForFifteenDaysOrMore() {
        // Current on 31 March: members 1, 2, 3, 4 and 6, all in North America (United States, Canada); member 5 left on
        // 10 March. Idle: 1 last watched on 1 Feb (59 days), 2 on 16 Jan (75), 4 on 6 Mar (25), 6 never (joined 10 Mar,
        // 21 days); 3 watched on 30 Mar (1 day). So 4 of 5 at risk.
        assertEquals(List.of(List.of("North America", 5L, 4L, 0.8)), rows("churn", "at_risk"));
    }

    @Test
    void watchTimeKpis_theThreeWindowsOnly() {
        // March 1–31: member 3's 90 minutes and member 4's 50, 140 minutes by 2 viewers; February: member 1's 50 and
        // member 5's 100, 150 minutes by 2; March 2023 is before the first session (11 Jan 2024), so no figure, 0 viewers.
        List<Object> kpi = rows("watch-time", "kpis").get(0);
        // Hours as the report keeps every DOUBLE, to twelve significant digits.
        assertEquals(Arrays.asList(Table.stable(140 / 60.0), 150 / 60.0, null, 2L, 2L, 0L),
                Arrays.asList(kpi.get(3), kpi.get(4), kpi.get(5), kpi.get(9), kpi.get(10), kpi.get(11)));
    }

    @Test
    void genreRatings_rankTheGenresWithThirtyRatings_fromTheRatingsPerGenre() {
        // Dramas (Alpha and Bravo): Alpha's 5 (member 1) and 4 (member 5), Bravo's 4 (member 2) and member 4's 28 threes;
        // member 6's rating of 5 April is after the as-of date. 31 ratings, summing 97, by 4 members; their squares sum
        // to 309, so the sample variance is (309 − 97²/31) / 30 = 17/93. Comedies (Alpha: 2 ratings) and Horror
        // (Charlie: 1) have fewer than 30 and are not ranked.
        double mean = 97 / 31.0;
        double margin = 1.96 * Math.sqrt(17 / 93.0) / Math.sqrt(31);
        List<Object> dramas = rows("genre-ratings", "by_genre").get(0);
        assertEquals(1, rows("genre-ratings", "by_genre").size());
        assertEquals(List.of("Dramas", 31L, 4L), List.of(dramas.get(0), dramas.get(1), dramas.get(5)));
        // As the report keeps every DOUBLE, to twelve significant digits.
        assertEquals(List.of(Table.stable(mean), Table.stable(mean - margin), Table.stable(mean + margin)),
                List.of(dramas.get(2), dramas.get(3), dramas.get(4)));
        // The lowest-rated: the same genre, ranked among those with at least k = 2 raters.
        List<Object> lowest = rows("genre-ratings", "lowest").get(0);
        assertEquals(List.of("Dramas", 31L, 4L), List.of(lowest.get(0), lowest.get(2), lowest.get(5)));
        assertEquals(List.of(Table.stable(mean), Table.stable(mean - margin), Table.stable(mean + margin)),
                List.of(lowest.get(1), lowest.get(3), lowest.get(4)));
    }

    private static List<List<Object>> rows(String slug, String name) {
        Question question = questions.stream().filter(q -> q.slug().equals(slug)).findFirst().orElseThrow();
        QuerySource query = question.query(name).orElseThrow();
        Table table = engine.query(sql.sql(query));
        return table.rows().stream().map(row -> row.stream().map(RewrittenStatementsTest::plain).toList()).toList();
    }

    /** Money as the double it is shown as; other values as they come. */
    private static Object plain(Object value) {
        return value instanceof BigDecimal decimal ? decimal.doubleValue() : value;
    }
}
