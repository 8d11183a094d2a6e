package dev.marquee.format;

import java.util.Optional;

/** JSON text for the files Marquee writes (metrics.json, edition.json): strings safe to embed in HTML, numbers exact. */
public final class Json {

    private Json() {
    }

    /** A JSON string; control characters and {@code <} escaped, so the text can sit inside a script or a page. */
    public static String string(String text) {
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

    /** JSON has no NaN or infinity: a number that is not one is null, like a missing one. */
    public static String number(Optional<Double> value) {
        return value.filter(Double::isFinite).map(Formats::plain).orElse("null");
    }

    public static String number(double value) {
        return number(Optional.of(value));
    }
}
