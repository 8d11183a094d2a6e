package dev.marquee.format;

import java.util.regex.Pattern;

/** Question text as a reader sees it: "fewer than k members" says the report's number. */
public final class Wording {

    private static final Pattern K = Pattern.compile("(?<=\\b(?:than|under) )k\\b");

    private Wording() {
    }

    /** The text with the smallest published group size in place of "k" after "than" or "under". */
    public static String withK(String text, int k) {
        return K.matcher(text).replaceAll(Integer.toString(k));
    }
}
