package dev.marquee.render;

import dev.marquee.format.Formats;
import dev.marquee.format.SafeText;
import dev.marquee.report.Kpi;
import dev.marquee.report.Report;

import java.util.Optional;

/** The executive KPIs as JSON, keys in a fixed order, for scripts and dashboards that read the site. */
final class MetricsJson {

    private MetricsJson() {
    }

    static String json(Report report) {
        StringBuilder json = new StringBuilder("{\n  \"report\": ").append(string(report.title()))
                .append(",\n  \"as_of\": ").append(report.parameters().dated() ? string(report.asOf().toString()) : "null")
                .append(",\n  \"min_group_size\": ").append(report.parameters().minGroupSize())
                .append(",\n  \"kpis\": [");
        for (int i = 0; i < report.kpis().size(); i++) {
            Kpi kpi = report.kpis().get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"id\": ").append(string(kpi.id()))
                    .append(", \"label\": ").append(string(kpi.label()))
                    .append(", \"unit\": ").append(string(kpi.unit().id()))
                    .append(", \"value\": ").append(number(Optional.of(kpi.value())))
                    .append(", \"previous_month\": ").append(number(kpi.previousMonth()))
                    .append(", \"year_ago\": ").append(number(kpi.yearAgo()))
                    .append(", \"change_vs_previous_month\": ").append(string(kpi.changeVsPreviousMonth()))
                    .append(", \"change_vs_year_ago\": ").append(string(kpi.changeVsYearAgo()))
                    .append(", \"partial\": ").append(kpi.partial())
                    .append(", \"comparison\": ").append(string(kpi.comparison()))
                    .append('}');
        }
        return json.append("\n  ]\n}\n").toString();
    }

    /** JSON has no NaN or infinity: a number that is not one is null, like a missing one. */
    private static String number(Optional<Double> value) {
        return value.filter(Double::isFinite).map(Formats::plain).orElse("null");
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : SafeText.text(text).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
