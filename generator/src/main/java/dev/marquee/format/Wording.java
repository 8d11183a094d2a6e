package dev.marquee.format;

import java.util.regex.Pattern;

/** Question text as a reader sees it: "fewer than k members" says the report's number. */
public final class Wording {

    /**
     * "k" where prose uses it as a number: after a word that takes one ("than k", "at least k", "reaches k", "of k"), or
     * before what it counts ("k members", "k who stayed").
     */
    private static final Pattern K = Pattern.compile(
            "(?<=\\b(?:than|under|least|reaches|reach|below|of|with) )k\\b|(?<![\\w{.'])k(?= (?:members|viewers|signups|ratings|churners|who)\\b)");

    private Wording() {
    }

    /** The text with the smallest published group size in place of "k" where the prose uses it as a number. */
    public static String withK(String text, int k) {
        return K.matcher(text).replaceAll(Integer.toString(k));
    }
}
