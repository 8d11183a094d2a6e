package dev.marquee.render;

import dev.marquee.format.Formats;
import dev.marquee.history.Archive;
import dev.marquee.history.Digest;
import dev.marquee.history.Edition;
import dev.marquee.history.Memory;
import dev.marquee.history.Targets;
import dev.marquee.render.Views.ChangeLine;
import dev.marquee.render.Views.ChangePart;
import dev.marquee.render.Views.ChangesView;
import dev.marquee.render.Views.EditionView;
import dev.marquee.render.Views.Sparkline;
import dev.marquee.render.Views.TargetView;
import dev.marquee.report.Kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the pages show of an edition's memory: the digest, the targets, sparklines and the archive. */
final class EditionViews {

    private EditionViews() {
    }

    static ChangesView changes(Optional<Memory> memory) {
        if (memory.isEmpty()) {
            return new ChangesView("", false, "", List.of(), List.of());
        }
        Memory m = memory.get();
        List<ChangePart> parts = new ArrayList<>();
        for (Digest.Part part : m.digest().parts()) {
            parts.add(new ChangePart(part.heading(), part.lines().stream()
                    .map(l -> new ChangeLine(l.text(), l.href(), l.tone().name().toLowerCase(Locale.ROOT))).toList()));
        }
        String since = m.previous().map(p -> "Compared with the edition of " + Formats.date(p.asOf()) + ".")
                .orElse("This is the first edition on record: what changed is reported from the next one on.");
        return new ChangesView(m.changesTitle(), m.remembers(), since, parts, m.current().shownTargets().stream().map(EditionViews::target).toList());
    }

    static TargetView target(Edition.TargetResult result) {
        String tone = switch (result.status()) {
            case MET -> "good";
            case MISSED -> "bad";
            case NO_DATA -> "flat";
        };
        return new TargetView(result.id(), result.name(), result.status().text(), tone,
                result.bound().isEmpty() ? result.name() : result.bound(), result.detail());
    }

    /** The tile's targets and its sparkline across editions. */
    static List<TargetView> targets(Optional<Memory> memory, Targets targets, Kpi kpi) {
        return memory.map(m -> m.targetsOf(targets, kpi.id()).stream().map(EditionViews::target).toList()).orElse(List.of());
    }

    static Sparkline sparkline(Optional<Memory> memory, Kpi kpi) {
        List<Double> values = memory.map(m -> m.series(kpi.id())).orElse(List.of());
        if (values.size() < 2) {
            return null;
        }
        StringBuilder points = new StringBuilder();
        double x = 0;
        double y = 0;
        for (double[] point : memory.get().sparkline(kpi.id())) {
            x = 2 + 116 * point[0];
            y = 25 - 22 * point[1];
            points.append(points.length() == 0 ? "" : " ").append(coordinate(x)).append(',').append(coordinate(y));
        }
        String said = kpi.label() + " in the last " + values.size() + " editions: "
                + String.join(", ", values.stream().map(v -> Formats.compact(v, kpi.unit())).toList());
        String caption = "Last " + values.size() + " editions";
        return new Sparkline(points.toString(), coordinate(x), coordinate(y), said, caption);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static List<EditionView> archive(Memory memory) {
        List<EditionView> editions = new ArrayList<>();
        List<Archive.Entry> entries = memory.archive();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Archive.Entry entry = entries.get(i);
            editions.add(new EditionView(Formats.date(entry.asOf()), entry.siteHref(), entry.pdfHref(), entry.full(), entry.current(),
                    entry.figures(), entry.targets()));
        }
        return editions;
    }
}
