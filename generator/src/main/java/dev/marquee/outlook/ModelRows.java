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
 * engine: a million members take tens of megabytes, not the gigabyte that boxed result rows would.
 */
final class ModelRows implements Engine.RowHandler {

    final ModelSpec spec;
    final List<double[]> trainX = new ArrayList<>();
    final List<Integer> trainY = new ArrayList<>();
    final List<double[]> testX = new ArrayList<>();
    final List<Integer> testY = new ArrayList<>();
    final List<double[]> scoreX = new ArrayList<>();
    final List<int[]> scoreGroups = new ArrayList<>();
    final List<String> groupValues = new ArrayList<>();
    private final Map<String, Integer> groupCodes = new HashMap<>();
    private int split = -1;
    private int label = -1;
    private int[] features;
    private int[] groups;

    ModelRows(ModelSpec spec) {
        this.spec = spec;
    }

    static ModelRows of(ModelSpec spec, Table table) {
        ModelRows rows = new ModelRows(spec);
        rows.columns(table.columns());
        for (List<Object> row : table.rows()) {
            rows.row(row.toArray());
        }
        return rows;
    }

    @Override
    public void columns(List<Column> columns) {
        List<String> names = columns.stream().map(Column::name).toList();
        split = names.indexOf("split");
        label = names.indexOf(spec.label());
        features = spec.features().stream().mapToInt(f -> names.indexOf(f.column())).toArray();
        groups = spec.groups().stream().mapToInt(names::indexOf).toArray();
    }

    @Override
    public void row(Object[] values) {
        double[] x = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            Object value = values[features[i]];
            x[i] = value == null ? 0 : ((Number) value).doubleValue();
        }
        String role = String.valueOf(values[split]);
        switch (role) {
            case "train" -> {
                trainX.add(x);
                trainY.add(label(values[label]));
            }
            case "test" -> {
                testX.add(x);
                testY.add(label(values[label]));
            }
            case "score" -> {
                scoreX.add(x);
                int[] codes = new int[groups.length];
                for (int i = 0; i < groups.length; i++) {
                    Object value = values[groups[i]];
                    codes[i] = code(value == null ? "Unknown" : value.toString());
                }
                scoreGroups.add(codes);
            }
            default -> throw new IllegalStateException("split must be train, test or score, got '" + role + "'");
        }
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
}
