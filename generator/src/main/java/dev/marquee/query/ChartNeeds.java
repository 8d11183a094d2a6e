package dev.marquee.query;

import dev.marquee.catalog.ChartSpec;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which charts the loaded files can draw. A chart declares the columns it needs ({@code needs: [member.plan]}); when
 * no loaded file filled one of them, only that chart is left out, and the Data page says which column was missing. A
 * question left with no chart is left out as a whole.
 */
public final class ChartNeeds {

    private ChartNeeds() {
    }

    /** The questions with only the charts the data can draw, and what was left out. */
    public record Outcome(List<Question> questions, List<LeftOut> leftOut) {
    }

    public static Outcome apply(Engine engine, List<Question> questions) {
        Map<String, Boolean> filled = new LinkedHashMap<>();
        Map<String, Boolean> emptyTables = new LinkedHashMap<>();
        List<Question> kept = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (Question question : questions) {
            List<ChartSpec> drawn = new ArrayList<>();
            List<LeftOut> chartsLeftOut = new ArrayList<>();
            for (ChartSpec chart : question.charts()) {
                List<String> empty = chart.needs().stream()
                        .filter(need -> !filled.computeIfAbsent(need, n -> isFilled(engine, n))).toList();
                if (empty.isEmpty()) {
                    drawn.add(chart);
                } else {
                    chartsLeftOut.add(new LeftOut(question, empty, "", Optional.of(chart.title())));
                }
            }
            if (drawn.isEmpty() && !question.charts().isEmpty()) {
                // Named by table when no file gave that table at all (title_engagement), else by column.
                List<String> missing = question.charts().stream().flatMap(c -> c.needs().stream()).filter(n -> !filled.get(n))
                        .map(n -> {
                            String table = n.substring(0, n.indexOf('.'));
                            return emptyTables.computeIfAbsent(table, t -> isEmpty(engine, t)) ? table : n;
                        })
                        .distinct().toList();
                leftOut.add(new LeftOut(question, missing));
            } else {
                leftOut.addAll(chartsLeftOut);
                kept.add(drawn.size() == question.charts().size() ? question : question.withOnlyCharts(drawn));
            }
        }
        return new Outcome(kept, leftOut);
    }

    private static boolean isEmpty(Engine engine, String table) {
        return ((Number) engine.scalar("SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) AS found")).longValue() == 0;
    }

    private static boolean isFilled(Engine engine, String need) {
        String table = need.substring(0, need.indexOf('.'));
        String column = need.substring(need.indexOf('.') + 1);
        return ((Number) engine.scalar("SELECT count(*) FROM (SELECT 1 FROM " + table + " WHERE " + column
                + " IS NOT NULL LIMIT 1) AS found")).longValue() > 0;
    }
}
