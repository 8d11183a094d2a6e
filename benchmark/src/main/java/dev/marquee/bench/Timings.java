package dev.marquee.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run printed about itself: the seconds of each stage and the end-of-run line
 * ({@code timings  load 0.19 s · ... · total 3.11 s · cpu 4.02 s · peak heap 96 MB · peak RSS 380 MB}).
 */
record Timings(Map<String, Double> stages, double total, double cpuSeconds, long peakHeapMb, long peakRssMb,
               OptionalInt questions) {

    private static final Pattern STAGE = Pattern.compile("([a-z][a-z-]*) ([0-9.]+) s");
    private static final Pattern HEAP = Pattern.compile("peak heap ([0-9]+) MB");
    private static final Pattern RSS = Pattern.compile("peak RSS ([0-9]+) MB");
    private static final Pattern QUESTIONS = Pattern.compile("^query\\s+[0-9.]+ s\\s+([0-9]+) questions");

    Timings {
        stages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }

    static Optional<Timings> parse(List<String> lines) {
        OptionalInt questions = OptionalInt.empty();
        for (String line : lines) {
            Matcher matcher = QUESTIONS.matcher(line);
            if (matcher.find()) {
                questions = OptionalInt.of(Integer.parseInt(matcher.group(1)));
            }
        }
        for (String line : lines) {
            if (!line.startsWith("timings ")) {
                continue;
            }
            Map<String, Double> stages = new LinkedHashMap<>();
            double total = Double.NaN;
            double cpu = Double.NaN;
            for (String part : line.substring("timings ".length()).split("·")) {
                Matcher matcher = STAGE.matcher(part.strip());
                if (!matcher.matches()) {
                    continue;
                }
                double seconds = Double.parseDouble(matcher.group(2));
                switch (matcher.group(1)) {
                    case "total" -> total = seconds;
                    case "cpu" -> cpu = seconds;
                    default -> stages.put(matcher.group(1), seconds);
                }
            }
            return Optional.of(new Timings(stages, total, cpu, number(HEAP, line), number(RSS, line), questions));
        }
        return Optional.empty();
    }

    /** The stages in the order they ran. */
    List<String> stageNames() {
        return List.copyOf(stages.keySet());
    }

    private static long number(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
