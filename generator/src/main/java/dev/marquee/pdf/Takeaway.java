package dev.marquee.pdf;

/** The first two sentences of a section's narrative, as plain text: the dashboard page's takeaway. */
final class Takeaway {

    private Takeaway() {
    }

    static String firstSentence(String text) {
        return sentences(text, 1);
    }

    static String of(String markdown) {
        return sentences(markdown, 2);
    }

    private static String sentences(String markdown, int wanted) {
        String text = markdown.replaceAll("(?m)^#+\\s*", "").replaceAll("[*_`]", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1")
                .replaceAll("\\s+", " ").trim();
        int sentences = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || text.charAt(i + 1) == ' ');
            boolean decimal = c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
            if (end && !decimal && ++sentences == wanted) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }
}
