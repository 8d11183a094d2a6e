package dev.marquee.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name within another question, written {@code <question-slug>/<name>}: a chart's {@code query} that borrows another
 * question's result ({@code outlook/forecast_new_signups}), or a chart named by the targets file ({@code churn/by-region}).
 * Parsed here only, so every stage reads it the same way.
 */
public record Reference(String question, String name) {

    private static final Pattern FORM = Pattern.compile("([a-z0-9][a-z0-9-]*)/([A-Za-z0-9_][A-Za-z0-9_-]*)");

    /** The reference the text writes, if it writes one; a plain statement name is none. */
    public static Optional<Reference> parse(String text) {
        Matcher matcher = FORM.matcher(text);
        return matcher.matches() ? Optional.of(new Reference(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** Whether the text is meant as a reference (it has a '/'), well written or not. */
    public static boolean isReference(String text) {
        return text.indexOf('/') >= 0;
    }

    @Override
    public String toString() {
        return question + "/" + name;
    }
}
