package dev.marquee.history;

import dev.marquee.run.ReportException;
import dev.marquee.catalog.FrontMatter;
import dev.marquee.catalog.FrontMatter.FrontMatterException;
import dev.marquee.format.Unit;
import dev.marquee.query.Parameters;
import dev.marquee.format.Json;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link Edition} as JSON, keys in a fixed order so the same figures give the same bytes. Read back with the YAML
 * reader the project already has (JSON is YAML), which keeps the line of every key for messages.
 */
public final class EditionJson {

    private EditionJson() {
    }

    /** A KPI's {@code as_of} for a member-level file without dates, beside dated data. */
    private static final String UNDATED = "undated";

    public static String write(Edition edition) {
        StringBuilder json = new StringBuilder("{\n")
                .append("  \"format\": ").append(Json.string(Edition.FORMAT)).append(",\n")
                .append("  \"version\": ").append(Edition.VERSION).append(",\n")
                .append("  \"as_of\": ").append(Json.string(edition.asOf().toString())).append(",\n")
                .append("  \"title\": ").append(Json.string(edition.title())).append(",\n")
                .append("  \"min_group_size\": ").append(edition.minGroupSize()).append(",\n");
        json.append("  \"kpis\": ").append(list(edition.kpis(), k -> "{\"id\": " + Json.string(k.id())
                + ", \"label\": " + Json.string(k.label()) + ", \"unit\": " + Json.string(k.unit().id())
                + ", \"value\": " + Json.number(k.value()) + ", \"previous_month\": " + Json.number(k.previousMonth())
                + ", \"higher_is_better\": " + k.higherIsBetter() + ", \"partial\": " + k.partial()
                + k.asOf().map(day -> ", \"as_of\": " + Json.string(day.equals(Parameters.UNDATED) ? UNDATED : day.toString())).orElse("")
                + "}")).append(",\n");
        json.append("  \"rankings\": ").append(list(edition.rankings(), r -> "{\"id\": " + Json.string(r.id())
                + ", \"title\": " + Json.string(r.title()) + ", \"href\": " + Json.string(r.href()) + ", \"items\": ["
                + r.items().stream().map(Json::string).collect(Collectors.joining(", ")) + "]}")).append(",\n");
        json.append("  \"rates\": ").append(list(edition.rates(), r -> "{\"id\": " + Json.string(r.id())
                + ", \"title\": " + Json.string(r.title()) + ", \"href\": " + Json.string(r.href())
                + ", \"unit\": " + Json.string(r.unit().id()) + ", \"group_label\": " + Json.string(r.groupLabel())
                + ", \"groups\": [" + r.groups().stream().map(g -> "{\"group\": " + Json.string(g.group()) + ", \"rate\": "
                + Json.number(g.rate()) + ", \"members\": " + g.members() + "}").collect(Collectors.joining(", "))
                + "]}")).append(",\n");
        json.append("  \"targets\": ").append(list(edition.targets(), t -> "{\"id\": " + Json.string(t.id())
                + ", \"name\": " + Json.string(t.name()) + ", \"status\": " + Json.string(t.status().text())
                + ", \"bound\": " + Json.string(t.bound()) + ", \"now\": " + Json.string(t.now())
                + ", \"detail\": " + Json.string(t.detail()) + "}")).append('\n');
        return json.append("}\n").toString();
    }

    private static <T> String list(List<T> items, Function<T, String> item) {
        return items.isEmpty() ? "[]" : items.stream().map(i -> "    " + item.apply(i)).collect(Collectors.joining(",\n", "[\n", "\n  ]"));
    }

    /**
     * Reads a record; {@code name} is how messages call the file (its path within the history folder).
     *
     * @throws ReportException naming the file and line when it is not a record this version of Marquee can read
     */
    public static Edition read(String text, String name) {
        try {
            FrontMatter root = FrontMatter.parse(text, 1, "the record");
            String format = root.string("format").orElse("");
            if (!format.equals(Edition.FORMAT)) {
                throw new FrontMatterException(root.line("format"), "it is not a Marquee edition record ('format' is not \""
                        + Edition.FORMAT + "\")");
            }
            int version = whole(root, "version");
            if (version < 1) {
                throw new FrontMatterException(root.line("version"), "'version' must be 1 or more, got " + version);
            }
            if (version > Edition.VERSION) {
                throw new FrontMatterException(root.line("version"), "it was written by a newer Marquee (record version " + version
                        + "; this one reads up to " + Edition.VERSION + "): build with that version, or leave --history out");
            }
            LocalDate asOf = date(root, "as_of");
            List<Edition.KpiFigure> kpis = new ArrayList<>();
            for (FrontMatter kpi : root.mappings("kpis")) {
                kpis.add(new Edition.KpiFigure(required(kpi, "id"), required(kpi, "label"), unit(kpi, "unit"), number(kpi, "value"),
                        optionalNumber(kpi, "previous_month"), Boolean.parseBoolean(required(kpi, "higher_is_better")),
                        Boolean.parseBoolean(kpi.string("partial").orElse("false")), ownDate(kpi)));
            }
            List<Edition.Ranking> rankings = new ArrayList<>();
            for (FrontMatter ranking : root.mappings("rankings")) {
                rankings.add(new Edition.Ranking(required(ranking, "id"), required(ranking, "title"), required(ranking, "href"),
                        ranking.strings("items")));
            }
            List<Edition.RateTable> rates = new ArrayList<>();
            for (FrontMatter rate : root.mappings("rates")) {
                List<Edition.GroupRate> groups = new ArrayList<>();
                for (FrontMatter group : rate.mappings("groups")) {
                    groups.add(new Edition.GroupRate(required(group, "group"), number(group, "rate"), whole(group, "members")));
                }
                rates.add(new Edition.RateTable(required(rate, "id"), required(rate, "title"), required(rate, "href"), unit(rate, "unit"),
                        required(rate, "group_label"), groups));
            }
            List<Edition.TargetResult> targets = new ArrayList<>();
            for (FrontMatter target : root.mappings("targets")) {
                String status = required(target, "status");
                targets.add(new Edition.TargetResult(required(target, "id"), required(target, "name"),
                        Edition.Status.parse(status).orElseThrow(() -> new FrontMatterException(target.line("status"),
                                "target status '" + status + "' is not met, missed or no data")),
                        target.string("bound").orElse(""), target.string("now").orElse(""), target.string("detail").orElse("")));
            }
            return new Edition(asOf, required(root, "title"), whole(root, "min_group_size"), kpis, rankings, rates, targets);
        } catch (FrontMatterException e) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "history record " + name + ", line " + e.line()
                    + ": cannot be read: " + e.getMessage());
        }
    }

    private static String required(FrontMatter entry, String key) throws FrontMatterException {
        return entry.string(key).orElseThrow(() -> new FrontMatterException(entry.line(), "'" + key + "' is missing"));
    }

    private static int whole(FrontMatter entry, String key) throws FrontMatterException {
        String text = required(entry, key);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new FrontMatterException(entry.line(key), "'" + key + "' must be a whole number, got '" + text + "'");
        }
    }

    private static double number(FrontMatter entry, String key) throws FrontMatterException {
        return optionalNumber(entry, key).orElseThrow(() -> new FrontMatterException(entry.line(key), "'" + key + "' is missing"));
    }

    private static Optional<Double> optionalNumber(FrontMatter entry, String key) throws FrontMatterException {
        Optional<String> text = entry.string(key).filter(t -> !t.equals("null") && !t.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            double value = Double.parseDouble(text.get());
            if (Double.isFinite(value)) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new FrontMatterException(entry.line(key), "'" + key + "' must be a number, got '" + text.get() + "'");
    }

    /** A KPI's own date ({@code as_of}), where the record gives one; "undated" for a file without dates. */
    private static Optional<LocalDate> ownDate(FrontMatter kpi) throws FrontMatterException {
        Optional<String> text = kpi.string("as_of");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(text.get().equals(UNDATED) ? Parameters.UNDATED : date(kpi, "as_of"));
    }

    private static LocalDate date(FrontMatter entry, String key) throws FrontMatterException {
        String text = required(entry, key);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FrontMatterException(entry.line(key), "'" + key + "' must be a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    private static Unit unit(FrontMatter entry, String key) throws FrontMatterException {
        String text = required(entry, key);
        return Unit.parse(text).orElseThrow(() -> new FrontMatterException(entry.line(key), "'" + key + "' is not a unit: '" + text + "'"));
    }
}
