package dev.marquee.format;

import java.util.regex.Pattern;

/** Text as a reader sees it: "fewer than k members" says the report's number; a list reads "a, b and c". */
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

    /** Items as a sentence lists them: "a", "a and b", "a, b and c". */
    public static String series(java.util.List<String> items) {
        int last = items.size() - 1;
        return last <= 0 ? String.join("", items) : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
    }
}
