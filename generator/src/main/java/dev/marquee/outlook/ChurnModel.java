package dev.marquee.outlook;

import dev.marquee.catalog.ModelSpec;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits the churn-risk model on the training rows, measures it on the held-out rows (a later window, so the model never
 * sees the outcomes it is judged on) and scores the scored rows (members active at the as-of date). Publishes only
 * aggregates: the AUC, odds ratios, a calibration table by risk decile and expected churners per group.
 */
final class ChurnModel {

    record Result(Map<String, Table> tables) {
    }

    private ChurnModel() {
    }

    static Result fit(ModelSpec spec, ModelRows rows, int k) {
        List<double[]> trainX = rows.train.x;
        List<Integer> trainY = rows.train.y;
        List<double[]> testX = rows.test.x;
        List<Integer> testY = rows.test.y;
        Map<String, Table> tables = new LinkedHashMap<>();
        if (trainX.size() < 2 * k || trainY.stream().distinct().count() < 2 || testX.isEmpty()) {
            tables.put("model_summary", summary(trainX.size(), testX.size(), (int) testY.stream().filter(y -> y == 1).count(), Double.NaN,
                    "Not enough history to fit a churn model: it needs members who left and members who stayed in the training window."));
            tables.put("model_effects", new Table(effectColumns(), List.of()));
            tables.put("model_calibration", new Table(calibrationColumns(), List.of()));
            tables.put("model_expected", new Table(expectedColumns(spec), List.of()));
            return new Result(tables);
        }
        LogisticRegression.Model model = LogisticRegression.fit(trainX.toArray(double[][]::new),
                trainY.stream().mapToInt(Integer::intValue).toArray());
        double[] testScores = testX.stream().mapToDouble(model::probability).toArray();
        int[] testLabels = testY.stream().mapToInt(Integer::intValue).toArray();
        double auc = LogisticRegression.auc(testScores, testLabels);
        tables.put("model_summary", summary(trainX.size(), testX.size(), Arrays.stream(testLabels).sum(), auc, sampleNote(rows)));
        List<List<Object>> effects = new ArrayList<>();
        for (int i = 0; i < spec.features().size(); i++) {
            double[] interval = model.oddsRatioPerSdInterval(i);
            effects.add(Arrays.asList(spec.features().get(i).name(), model.oddsRatio(i), model.oddsRatioPerSd(i),
                    interval[0], interval[1], direction(interval)));
        }
        tables.put("model_effects", new Table(effectColumns(), effects));
        tables.put("model_calibration", calibration(testScores, testLabels));
        tables.put("model_expected", expected(spec, rows, model));
        return new Result(tables);
    }

    /** An odds ratio whose 95% interval includes 1 has no clear effect: the data cannot tell raising from lowering. */
    static String direction(double[] interval) {
        return interval[0] > 1 ? "raises risk" : interval[1] < 1 ? "lowers risk" : "no clear effect";
    }

    private static Table summary(int train, int test, int testChurners, double auc, String note) {
        return new Table(List.of(new Column("train_members", ColumnType.INTEGER), new Column("test_members", ColumnType.INTEGER),
                new Column("test_churners", ColumnType.INTEGER), new Column("auc", ColumnType.DECIMAL), new Column("note", ColumnType.TEXT)),
                List.of(Arrays.asList((long) train, (long) test, (long) testChurners, Double.isNaN(auc) ? null : auc, note)));
    }

    /** Holdout members in ten equal groups by predicted risk: predicted against observed churn (the lift chart). */
    private static Table calibration(double[] scores, int[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[a], scores[b]) : Integer.compare(a, b));
        List<List<Object>> rows = new ArrayList<>();
        for (int decile = 0; decile < 10; decile++) {
            int from = (int) ((long) decile * order.length / 10);
            int to = (int) ((long) (decile + 1) * order.length / 10);
            if (to == from) {
                continue;
            }
            double predicted = 0;
            int churned = 0;
            for (int i = from; i < to; i++) {
                predicted += scores[order[i]];
                churned += labels[order[i]];
            }
            rows.add(Arrays.asList("D" + (decile + 1), (long) (to - from), (long) churned, predicted / (to - from),
                    (double) churned / (to - from)));
        }
        return new Table(calibrationColumns(), rows);
    }

    /** Says which splits were evenly sampled to keep memory bounded; empty when every row was used. */
    static String sampleNote(ModelRows rows) {
        List<String> parts = new ArrayList<>();
        if (rows.train.isSampled()) {
            parts.add(String.format(java.util.Locale.ROOT, "fitted on an even sample of %,d of the %,d training rows", rows.train.x.size(), rows.train.seen()));
        }
        if (rows.test.isSampled()) {
            parts.add(String.format(java.util.Locale.ROOT, "judged on an even sample of %,d of the %,d holdout members", rows.test.x.size(), rows.test.seen()));
        }
        if (rows.score.isSampled()) {
            parts.add(String.format(java.util.Locale.ROOT, "expected churners estimated from an even sample of %,d of the %,d members active now",
                    rows.score.x.size(), rows.score.seen()));
        }
        if (parts.isEmpty()) {
            return "";
        }
        String note = String.join("; ", parts) + ".";
        return Character.toUpperCase(note.charAt(0)) + note.substring(1);
    }

    /**
     * Expected churners of the members active at the as-of date, per group: the sum of their predicted probabilities
     * (from the kept rows, scaled to the group's exact member count when only a sample was kept). Every group is
     * returned; the question's privacy declaration merges the small ones.
     */
    private static Table expected(ModelSpec spec, ModelRows rows, LogisticRegression.Model model) {
        Map<List<String>, double[]> sampled = new HashMap<>();
        double allProbabilities = 0;
        for (int r = 0; r < rows.score.x.size(); r++) {
            List<String> key = new ArrayList<>();
            for (int code : rows.scoreGroups.get(r)) {
                key.add(rows.groupValues.get(code));
            }
            double[] totals = sampled.computeIfAbsent(key, x -> new double[2]);
            double probability = model.probability(rows.score.x.get(r));
            totals[0]++;
            totals[1] += probability;
            allProbabilities += probability;
        }
        double overallRate = rows.score.x.isEmpty() ? 0 : allProbabilities / rows.score.x.size();
        Map<List<String>, double[]> groups = new TreeMap<>(ModelRows::compareKeys);
        rows.scoreMembers.forEach((key, members) -> {
            double[] kept = sampled.get(key);
            double expected = !rows.score.isSampled() ? (kept == null ? 0 : kept[1])
                    : members * (kept == null ? overallRate : kept[1] / kept[0]);
            groups.put(key, new double[] {members, expected});
        });
        List<List<Object>> out = new ArrayList<>();
        groups.forEach((key, totals) -> {
            List<Object> row = new ArrayList<>(key);
            row.add((long) totals[0]);
            row.add(totals[1]);
            row.add(totals[1] / totals[0]);
            out.add(row);
        });
        return new Table(expectedColumns(spec), out);
    }

    private static List<Column> effectColumns() {
        return List.of(new Column("feature", ColumnType.TEXT), new Column("odds_ratio", ColumnType.DECIMAL),
                new Column("odds_ratio_per_sd", ColumnType.DECIMAL), new Column("per_sd_low_95", ColumnType.DECIMAL),
                new Column("per_sd_high_95", ColumnType.DECIMAL), new Column("direction", ColumnType.TEXT));
    }

    private static List<Column> calibrationColumns() {
        return List.of(new Column("risk_decile", ColumnType.TEXT), new Column("members", ColumnType.INTEGER),
                new Column("observed_churners", ColumnType.INTEGER), new Column("predicted_rate", ColumnType.DECIMAL),
                new Column("observed_rate", ColumnType.DECIMAL));
    }

    private static List<Column> expectedColumns(ModelSpec spec) {
        List<Column> columns = new ArrayList<>();
        spec.groups().forEach(g -> columns.add(new Column(g, ColumnType.TEXT)));
        columns.add(new Column("members", ColumnType.INTEGER));
        columns.add(new Column("expected_churners", ColumnType.DECIMAL));
        columns.add(new Column("expected_rate", ColumnType.DECIMAL));
        return columns;
    }
}
