package dev.marquee.format;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What a number measures, as a question declares it: a {@link NumberStyle} (how the number is written) and, for a count
 * or a decimal, the noun of what it counts. Decides how the number is written for people, one way everywhere.
 *
 * <p>The built-in names ({@code members}, {@code titles}, {@code hours}, {@code percent}, ...) are predefined units. A
 * question names any other unit as a style followed by the plural of what it counts, {@code count sessions} (1,234
 * sessions, 1 session), or by its singular and plural, {@code count person/people}: a new unit needs no Java.
 *
 * @param noun what the number counts; the styles of time have their own (hours, minutes, days), a whole count needs one
 */
public record Unit(NumberStyle style, Optional<Noun> noun) {

    /** What a number counts, in the singular (for exactly 1) and the plural. */
    public record Noun(String singular, String plural) {

        /** Words of letters (a hyphen or an apostrophe inside), one space apart. */
        private static final Pattern WORDS = Pattern.compile("\\p{L}[\\p{L}'’-]*(?: \\p{L}[\\p{L}'’-]*)*");

        public Noun {
            if (!WORDS.matcher(singular).matches() || !WORDS.matcher(plural).matches()) {
                throw new IllegalArgumentException("a noun is words of letters, got '" + singular + "/" + plural + "'");
            }
        }

        /** The noun of a plural: its singular drops a final "s" (sessions, session), else is the plural itself. */
        public static Noun of(String plural) {
            boolean regular = plural.length() > 1 && plural.endsWith("s") && !plural.endsWith("ss");
            return new Noun(regular ? plural.substring(0, plural.length() - 1) : plural, plural);
        }

        /** A declared noun: its plural ("sessions") or its singular and plural ("person/people"); empty if malformed. */
        static Optional<Noun> parse(String text) {
            String[] forms = text.strip().replaceAll("\\s+", " ").split(" ?/ ?", -1);
            if (forms.length > 2 || !Arrays.stream(forms).allMatch(form -> WORDS.matcher(form).matches())) {
                return Optional.empty();
            }
            return Optional.of(forms.length == 1 ? of(forms[0]) : new Noun(forms[0], forms[1]));
        }

        /** As declared: the plural where the singular is the one {@link #of} derives, else singular/plural. */
        String text() {
            return of(plural).equals(this) ? plural : singular + "/" + plural;
        }
    }

    public static final Unit HOURS = new Unit(NumberStyle.HOURS, Optional.empty());
    public static final Unit MINUTES = new Unit(NumberStyle.MINUTES, Optional.empty());
    public static final Unit DAYS = new Unit(NumberStyle.DAYS, Optional.empty());
    public static final Unit COUNT = new Unit(NumberStyle.COUNT, Optional.empty());
    public static final Unit MEMBERS = new Unit(NumberStyle.WHOLE, Optional.of(Noun.of("members")));
    public static final Unit TITLES = new Unit(NumberStyle.COUNT, Optional.of(Noun.of("titles")));
    public static final Unit RATINGS = new Unit(NumberStyle.COUNT, Optional.of(Noun.of("ratings")));
    public static final Unit PERCENT = new Unit(NumberStyle.PERCENT, Optional.empty());
    public static final Unit CHANGE = new Unit(NumberStyle.CHANGE, Optional.empty());
    public static final Unit USD = new Unit(NumberStyle.USD, Optional.empty());
    public static final Unit DOLLARS = new Unit(NumberStyle.DOLLARS, Optional.empty());
    public static final Unit SCORE = new Unit(NumberStyle.SCORE, Optional.empty());
    public static final Unit YEAR = new Unit(NumberStyle.YEAR, Optional.empty());
    public static final Unit DECADE = new Unit(NumberStyle.DECADE, Optional.empty());
    public static final Unit DECIMAL = new Unit(NumberStyle.DECIMAL, Optional.empty());

    /** The built-in units by name, in the order messages list them; their names are what edition records hold. */
    private static final Map<String, Unit> PREDEFINED = predefined(HOURS, MINUTES, DAYS, COUNT, MEMBERS, TITLES, RATINGS,
            PERCENT, CHANGE, USD, DOLLARS, SCORE, YEAR, DECADE, DECIMAL);

    public Unit {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(noun, "noun");
        Optional<Noun> own = style.ownNoun();
        if (own.isPresent()) {
            if (noun.isPresent() && !noun.equals(own)) {
                throw new IllegalArgumentException(style.id() + " has a noun of its own");
            }
            noun = own;
        } else if (noun.isPresent() && !NumberStyle.withNouns().contains(style)) {
            throw new IllegalArgumentException("a " + style.id() + " takes no noun");
        } else if (noun.isEmpty() && style == NumberStyle.WHOLE) {
            throw new IllegalArgumentException("a whole count names what it counts");
        }
    }

    private static Map<String, Unit> predefined(Unit... units) {
        Map<String, Unit> byName = new LinkedHashMap<>();
        for (Unit unit : units) {
            byName.put(unit.noun.filter(n -> unit.style.ownNoun().isEmpty()).map(Noun::plural).orElse(unit.style.id()), unit);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    /** The built-in units by name (hours, minutes, days, count, members, ...). */
    public static Map<String, Unit> predefined() {
        return PREDEFINED;
    }

    /**
     * How a declaration is written back, and read again by {@link #parse}: a built-in unit's name ("members"), else its
     * style and noun ("count sessions", "count person/people").
     */
    public String id() {
        for (Map.Entry<String, Unit> named : PREDEFINED.entrySet()) {
            if (named.getValue().equals(this)) {
                return named.getKey();
            }
        }
        return style.id() + noun.map(n -> " " + n.text()).orElse("");
    }

    /** The name an axis title or a CSV header gives the unit: its noun's plural, else "%", "USD", "/ 5" or nothing. */
    public String suffix() {
        return noun.map(Noun::plural).orElse(style.symbol());
    }

    /**
     * Whether the unit counts things that are whole, so that a table shows a forecast of them rounded: a whole count,
     * and a count with a noun (titles, ratings, sessions); a count without a noun may be a mean.
     */
    public boolean countsWholeThings() {
        return style == NumberStyle.WHOLE || (style == NumberStyle.COUNT && noun.isPresent());
    }

    /**
     * The unit a declaration names: a built-in name, or a style a noun may follow and the noun ({@code count sessions},
     * {@code count person/people}), in any case; empty when it names none, and {@link #problem} says why.
     */
    public static Optional<Unit> parse(String text) {
        return Optional.ofNullable(read(text, why -> { }));
    }

    /** The unit a declaration names; an {@link IllegalArgumentException} saying why when it names none. */
    public static Unit of(String text) {
        StringBuilder problem = new StringBuilder();
        Unit unit = read(text, problem::append);
        if (unit == null) {
            throw new IllegalArgumentException("unit '" + text + "' " + problem);
        }
        return unit;
    }

    /** Why a declaration names no unit, in words that follow "unit '<text>' "; empty when it names one. */
    public static String problem(String text) {
        StringBuilder problem = new StringBuilder();
        read(text, problem::append);
        return problem.toString();
    }

    private static Unit read(String text, Consumer<String> problem) {
        String[] words = text.strip().split("\\s+", 2);
        String first = words[0].toLowerCase(Locale.ROOT);
        Optional<NumberStyle> style = NumberStyle.parse(first);
        List<String> nounStyles = NumberStyle.withNouns().stream().map(NumberStyle::id).toList();
        if (words.length == 1) {
            Unit unit = PREDEFINED.get(first);
            if (unit == null && style.isPresent()) {
                problem.accept("names no noun: a whole count names what it counts, such as 'whole subscribers'");
            } else if (unit == null) {
                problem.accept("is not one of " + List.copyOf(PREDEFINED.keySet())
                        + ", nor a number style followed by a noun, such as 'count sessions'");
            }
            return unit;
        }
        if (style.isEmpty()) {
            problem.accept("starts with '" + words[0] + "', which is not a number style a noun may follow: " + nounStyles);
            return null;
        }
        if (!NumberStyle.withNouns().contains(style.get())) {
            problem.accept("gives a noun to " + style.get().id() + ", which takes none; a noun follows one of " + nounStyles);
            return null;
        }
        Optional<Noun> noun = Noun.parse(words[1]);
        if (noun.isEmpty()) {
            problem.accept("has a noun that is not words of letters: write its plural ('count sessions') or its singular "
                    + "and plural ('count person/people')");
            return null;
        }
        return new Unit(style.get(), noun);
    }
}
