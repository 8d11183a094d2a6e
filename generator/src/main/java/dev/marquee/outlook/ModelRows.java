package dev.marquee.outlook;

import dev.marquee.catalog.ModelSpec;
import dev.marquee.engine.Column;
import dev.marquee.engine.Engine;
import dev.marquee.engine.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model statement's rows kept compactly (features as doubles, groups as codes) while they stream from the
 * engine. Memory stays bounded at any data size: each of the three (training, held out, scored) keeps at most a fixed
 * number of rows, evenly spread over the statement's (ordered) rows, and the members of each scored group are counted
 * exactly.
 */
final class ModelRows implements Engine.RowHandler {

    /** Rows kept for fitting: about the member-snapshots of 12M viewing events; beyond, an even sample. */
    static final int MAX_TRAIN_ROWS = 1_000_000;
    /** Rows kept for judging the model and for the scored members' expected churn. */
    static final int MAX_OTHER_ROWS = 500_000;

    final ModelSpec spec;
    final Sample train;
    final Sample test;
    final Sample score;
    final List<int[]> scoreGroups = new ArrayList<>();
    final List<String> groupValues = new ArrayList<>();
    /**
     * Every scored member, sampled or not, counted per group (the group's values in the order of the spec). Unordered:
     * the groups are put in order once, when the expected churners are listed, instead of at every member.
     */
    final Map<List<String>, Long> scoreMembers = new HashMap<>();
    private final Map<String, Integer> groupCodes = new HashMap<>();
    private int heldOut = -1;
    private int scored = -1;
    private int label = -1;
    private int[] features;
    private int[] groups;

    ModelRows(ModelSpec spec) {
        this(spec, MAX_TRAIN_ROWS, MAX_OTHER_ROWS);
    }

    ModelRows(ModelSpec spec, int maxTrainRows, int maxOtherRows) {
        this.spec = spec;
        this.train = new Sample(maxTrainRows, null);
        this.test = new Sample(maxOtherRows, null);
        this.score = new Sample(maxOtherRows, scoreGroups);
    }

    static ModelRows of(ModelSpec spec, Table table) {
        return of(spec, table, MAX_TRAIN_ROWS, MAX_OTHER_ROWS);
    }

    static ModelRows of(ModelSpec spec, Table table, int maxTrainRows, int maxOtherRows) {
        ModelRows rows = new ModelRows(spec, maxTrainRows, maxOtherRows);
        rows.columns(table.columns());
        for (List<Object> row : table.rows()) {
            rows.row(row.toArray());
        }
        return rows;
    }

    static int compareKeys(List<String> a, List<String> b) {
        return String.join("\u0000", a).compareTo(String.join("\u0000", b));
    }

    @Override
    public void columns(List<Column> columns) {
        List<String> names = columns.stream().map(Column::name).toList();
        heldOut = names.indexOf(ModelSpec.HELD_OUT);
        scored = names.indexOf(ModelSpec.SCORED);
        label = names.indexOf(spec.label());
        features = spec.features().stream().mapToInt(f -> names.indexOf(f.column())).toArray();
        groups = spec.groups().stream().mapToInt(names::indexOf).toArray();
    }

    @Override
    public void row(Object[] values) {
        boolean isScored = flag(values[scored], ModelSpec.SCORED);
        boolean isHeldOut = flag(values[heldOut], ModelSpec.HELD_OUT);
        if (isScored && isHeldOut) {
            throw new IllegalStateException("a row is scored or held out, not both");
        }
        if (isHeldOut) {
            test.offer(features(values), label(values[label]), null);
        } else if (!isScored) {
            train.offer(features(values), label(values[label]), null);
        } else {
            int[] codes = new int[groups.length];
            List<String> key = new ArrayList<>(groups.length);
            for (int i = 0; i < groups.length; i++) {
                Object value = values[groups[i]];
                String text = value == null ? "Unknown" : value.toString();
                codes[i] = code(text);
                key.add(groupValues.get(codes[i]));
            }
            scoreMembers.merge(key, 1L, Long::sum);
            score.offer(features(values), 0, codes);
        }
    }

    private static boolean flag(Object value, String column) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalStateException(column + " must be true or false, got " + value);
    }

    private double[] features(Object[] values) {
        double[] x = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            // No value counts as 0, and so does NaN or infinity (a ratio to zero): one would make every weight NaN.
            x[i] = values[features[i]] instanceof Number number && Double.isFinite(number.doubleValue()) ? number.doubleValue() : 0;
        }
        return x;
    }

    private int code(String value) {
        return groupCodes.computeIfAbsent(value, v -> {
            groupValues.add(v);
            return groupValues.size() - 1;
        });
    }

    private static int label(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return value != null && ((Number) value).intValue() != 0 ? 1 : 0;
    }

    /**
     * At most {@code capacity} rows of one split, evenly spread: every row until it is full, then every second of
     * them and every second row after, then every fourth, and so on. Deterministic for rows in the same order.
     */
    static final class Sample {
        final List<double[]> x = new ArrayList<>();
        final List<Integer> y = new ArrayList<>();
        private final List<int[]> groups;
        private final int capacity;
        private long seen;
        private long stride = 1;

        Sample(int capacity, List<int[]> groups) {
            if (capacity < 2) {
                throw new IllegalArgumentException("a sample keeps at least two rows, not " + capacity);
            }
            this.capacity = capacity;
            this.groups = groups;
        }

        void offer(double[] features, int label, int[] codes) {
            if (seen++ % stride != 0) {
                return;
            }
            x.add(features);
            y.add(label);
            if (groups != null) {
                groups.add(codes);
            }
            if (x.size() == capacity) {
                keepEverySecond(x);
                keepEverySecond(y);
                if (groups != null) {
                    keepEverySecond(groups);
                }
                stride *= 2;
            }
        }

        /** Rows of the split in the data, kept or not. */
        long seen() {
            return seen;
        }

        boolean isSampled() {
            return stride > 1;
        }

        private static <T> void keepEverySecond(List<T> list) {
            int kept = 0;
            for (int i = 0; i < list.size(); i += 2) {
                list.set(kept++, list.get(i));
            }
            list.subList(kept, list.size()).clear();
        }
    }
}
