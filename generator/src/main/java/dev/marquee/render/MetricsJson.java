package dev.marquee.render;

import dev.marquee.format.Json;
import dev.marquee.report.Kpi;
import dev.marquee.report.Report;

import java.util.Optional;

/** The executive KPIs as JSON, keys in a fixed order, for scripts and dashboards that read the site. */
final class MetricsJson {

    private MetricsJson() {
    }

    static String json(Report report) {
        StringBuilder json = new StringBuilder("{\n  \"report\": ").append(Json.string(report.title()))
                .append(",\n  \"as_of\": ").append(report.parameters().dated() ? Json.string(report.asOf().toString()) : "null")
                .append(",\n  \"min_group_size\": ").append(report.parameters().minGroupSize())
                // Each population's sums of prices are rounded to its step (0: not rounded, see PriceSteps).
                .append(",\n  \"price_steps\": {");
        String steps = report.parameters().prices().bySource().entrySet().stream()
                .map(e -> Json.string(e.getKey()) + ": " + e.getValue().step().stripTrailingZeros().toPlainString())
                .collect(java.util.stream.Collectors.joining(", "));
        json.append(steps).append("},\n  \"kpis\": [");
        for (int i = 0; i < report.kpis().size(); i++) {
            Kpi kpi = report.kpis().get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"id\": ").append(Json.string(kpi.id()))
                    .append(", \"label\": ").append(Json.string(kpi.label()))
                    .append(", \"unit\": ").append(Json.string(kpi.unit().id()))
                    .append(", \"value\": ").append(Json.number(Optional.of(kpi.value())))
                    .append(", \"previous_month\": ").append(Json.number(kpi.previousMonth()))
                    .append(", \"year_ago\": ").append(Json.number(kpi.yearAgo()))
                    .append(", \"change_vs_previous_month\": ").append(Json.string(kpi.changeVsPreviousMonth()))
                    .append(", \"change_vs_year_ago\": ").append(Json.string(kpi.changeVsYearAgo()))
                    .append(", \"partial\": ").append(kpi.partial())
                    .append(", \"comparison\": ").append(Json.string(kpi.comparison()))
                    .append('}');
        }
        return json.append("\n  ]\n}\n").toString();
    }
}
