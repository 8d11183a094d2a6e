package dev.marquee.catalog;

import java.util.Objects;

/** A measure a question reports, defined once in words; the methodology page lists them all. */
public record Metric(String name, String definition) {
    public Metric {
        Objects.requireNonNull(name);
        Objects.requireNonNull(definition);
    }
}
