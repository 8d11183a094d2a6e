package dev.marquee.outlook;

import dev.marquee.catalog.ModelSpec;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChurnModelTest {

    private static final ModelSpec SPEC = new ModelSpec("features", "churned",
            List.of(new ModelSpec.Feature("failed_payments", "Failed payments"), new ModelSpec.Feature("hours", "Watch hours")),
            List.of("region"), 1);

    /** Members leave more after failed payments and less the more they watch; region "Tiny" has k-1 members. */
    private static Table planted() {
        SplittableRandom random = new SplittableRandom(3);
        List<List<Object>> rows = new ArrayList<>();
        String[] splits = {"train", "train", "train", "test", "score"};
        for (String split : splits) {
            for (int i = 0; i < 1500; i++) {
                long failed = random.nextInt(3);
                double hours = random.nextDouble() * 30;
                double z = -2.5 + 1.2 * failed - 0.1 * hours;
                long churned = split.equals("score") ? 0 : random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
                String region = split.equals("score") && i < 9 ? "Tiny" : i % 2 == 0 ? "Europe" : "Asia-Pacific";
                rows.add(Arrays.asList(split.equals("test"), split.equals("score"), churned, failed, hours, region));
            }
        }
        return new Table(List.of(new Column("held_out", ColumnType.BOOLEAN), new Column("scored", ColumnType.BOOLEAN),
                new Column("churned", ColumnType.INTEGER),
                new Column("failed_payments", ColumnType.INTEGER), new Column("hours", ColumnType.DECIMAL),
                new Column("region", ColumnType.TEXT)), rows);
    }

    @Test
    void fit_plantedSignal_getsTheDirectionsAndAnAucAboveSevenTenths() {
        ChurnModel.Result result = ChurnModel.fit(SPEC, ModelRows.of(SPEC, planted()), 10);

        Table effects = result.tables().get("model_effects");
        assertEquals("raises risk", effects.value(0, "direction"));
        assertEquals("lowers risk", effects.value(1, "direction"));
        double auc = result.tables().get("model_summary").number(0, "auc");
        assertTrue(auc > 0.7, "AUC " + auc);
        assertEquals(10, result.tables().get("model_calibration").rowCount());
        assertEquals(result.tables(), ChurnModel.fit(SPEC, ModelRows.of(SPEC, planted()), 10).tables(), "deterministic");
    }

    @Test
    void direction_anOddsRatioWhoseIntervalIncludesOne_isNoClearEffect() {
        assertEquals("no clear effect", ChurnModel.direction(new double[] {0.91, 1.01}));
        assertEquals("no clear effect", ChurnModel.direction(new double[] {0.99, 1.04}));
        assertEquals("raises risk", ChurnModel.direction(new double[] {1.02, 1.30}));
        assertEquals("lowers risk", ChurnModel.direction(new double[] {0.80, 0.97}));
    }

    @Test
    void fit_aFeatureWithNoEffect_hasAnIntervalAroundOneAndNoClearEffect() {
        // Noise: a third column drawn independently of whether the member left.
        ModelSpec spec = new ModelSpec("features", "churned", List.of(new ModelSpec.Feature("failed_payments", "Failed payments"),
                new ModelSpec.Feature("hours", "Watch hours"), new ModelSpec.Feature("noise", "Noise")), List.of("region"), 1);
        Table planted = planted();
        SplittableRandom random = new SplittableRandom(11);
        List<Column> columns = new ArrayList<>(planted.columns());
        columns.add(4, new Column("noise", ColumnType.DECIMAL));
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : planted.rows()) {
            List<Object> copy = new ArrayList<>(row);
            copy.add(4, random.nextDouble());
            rows.add(copy);
        }

        Table effects = ChurnModel.fit(spec, ModelRows.of(spec, new Table(columns, rows)), 10).tables().get("model_effects");

        assertTrue(effects.number(2, "per_sd_low_95") < 1 && effects.number(2, "per_sd_high_95") > 1, effects.rows().toString());
        assertEquals("no clear effect", effects.value(2, "direction"));
        assertEquals("raises risk", effects.value(0, "direction"));
    }

    @Test
    void fit_featureValuesThatAreNaNOrInfinite_countAsZeroAndTheModelStaysFinite() {
        Table planted = planted();
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < planted.rowCount(); r++) {
            List<Object> row = new ArrayList<>(planted.rows().get(r));
            if (r % 50 == 0) {
                row.set(3, r % 100 == 0 ? Double.NaN : Double.POSITIVE_INFINITY);
            }
            rows.add(row);
        }

        ChurnModel.Result result = ChurnModel.fit(SPEC, ModelRows.of(SPEC, new Table(planted.columns(), rows)), 10);

        Table effects = result.tables().get("model_effects");
        assertTrue(Double.isFinite(effects.number(0, "odds_ratio")) && Double.isFinite(effects.number(1, "odds_ratio")), effects.rows().toString());
        assertTrue(result.tables().get("model_summary").number(0, "auc") > 0.7);
    }

    @Test
    void expectedChurners_everyGroupIsReturned_forTheDisclosureStageToMerge() {
        Table expected = ChurnModel.fit(SPEC, ModelRows.of(SPEC, planted()), 10).tables().get("model_expected");

        List<Object> regions = expected.columnValues("region");
        // Tiny's 9 members are fewer than k: outlook.md's privacy declaration merges them before anything is published.
        assertEquals(List.of("Asia-Pacific", "Europe", "Tiny"), regions);
        assertEquals(1500L, expected.columnValues("members").stream().mapToLong(m -> (long) m).sum());
    }
    @Test
    void sample_full_keepsEverySecondRowThenEveryFourth() {
        ModelRows.Sample sample = new ModelRows.Sample(4, null);

        for (int i = 0; i < 10; i++) {
            sample.offer(new double[] {i}, 0, null);
        }

        // Rows 0-3 fill it; it keeps 0 and 2, takes 4 and 6 (full again), keeps 0 and 4, and takes 8.
        assertEquals(List.of(0.0, 4.0, 8.0), sample.x.stream().map(x -> x[0]).toList());
        assertEquals(10, sample.seen());
        assertTrue(sample.isSampled());
    }

    @Test
    void fit_moreRowsThanKept_countsMembersExactlyAndSaysItSampled() {
        ModelRows all = ModelRows.of(SPEC, planted());
        ModelRows sampled = ModelRows.of(SPEC, planted(), 1000, 400);

        ChurnModel.Result result = ChurnModel.fit(SPEC, sampled, 10);

        Table summary = result.tables().get("model_summary");
        assertEquals("Fitted on an even sample of 563 of the 4,500 training rows; judged on an even sample of 375 of the 1,500 "
                + "holdout members; expected churners estimated from an even sample of 375 of the 1,500 members active now.",
                summary.value(0, "note"));
        assertEquals(563L, summary.value(0, "train_members"));
        Table expected = result.tables().get("model_expected");
        Table exact = ChurnModel.fit(SPEC, all, 10).tables().get("model_expected");
        assertEquals(exact.columnValues("members"), expected.columnValues("members"), "members are counted, not sampled");
        for (int row = 0; row < exact.rowCount(); row++) {
            double rate = exact.number(row, "expected_rate");
            assertEquals(rate, expected.number(row, "expected_rate"), 0.25 * rate, "the sample estimates the rate");
        }
        assertEquals("", ChurnModel.fit(SPEC, all, 10).tables().get("model_summary").value(0, "note"));
    }
}
