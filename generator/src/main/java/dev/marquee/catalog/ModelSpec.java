package dev.marquee.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A churn-risk model declared by a question. Its statement returns one row per member and snapshot (never a member
 * id) with: {@code held_out} (true for the rows the model is judged on), {@code scored} (true for the members scored
 * now), the model trained on the rows where both are false; the 0/1 {@code label} column, the feature columns and the
 * group columns. The two roles are booleans rather than words: a text column costs every one of a million rows a
 * string made on its way out of DuckDB (0.3 s of the churn model's 1.4 s at ten million events). Only aggregates of
 * the fitted model are published (results {@code model_summary}, {@code model_effects}, {@code model_calibration},
 * {@code model_expected}); the statement's own rows never are.
 */
public record ModelSpec(String query, String label, List<Feature> features, List<String> groups, int line) {

    public static final List<String> RESULTS = List.of("model_summary", "model_effects", "model_calibration", "model_expected");
    /** The statement's two role columns, BOOLEAN: the rows judged on, and the members scored now. */
    public static final String HELD_OUT = "held_out";
    public static final String SCORED = "scored";

    public ModelSpec {
        Objects.requireNonNull(query);
        features = List.copyOf(features);
        groups = List.copyOf(groups);
    }

    /** A model input: the column and its name in words, with its unit (e.g. "Failed payments, last 90 days"). */
    public record Feature(String column, String name) {
    }
}
