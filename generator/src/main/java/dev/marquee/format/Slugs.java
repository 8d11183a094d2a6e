package dev.marquee.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Values as parts of file names (country pages, CSV files): lower-case ASCII letters and digits joined by '-'.
 * Different values can read the same ("Côte d'Ivoire" and "Cote d Ivoire"; names without Latin letters read as
 * nothing), so a set of values gets unique names: a value keeps its plain slug when no other value in the set has it,
 * and otherwise gets its slug, "--" and the start of a SHA-256 of the exact value. A plain slug never holds "--", so
 * the two kinds never meet; the same values always give the same names.
 */
public final class Slugs {

    /** Enough for a readable file name; the rest of a long value is told apart by the hash. */
    static final int MAX_LENGTH = 60;
    private static final int[] HASH_LENGTHS = {8, 16, 64};

    private Slugs() {
    }

    /** The plain slug: "Côte d'Ivoire" → "cote-d-ivoire"; empty when the value has no Latin letter or digit. */
    public static String plain(String value) {
        String slug = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-$", "");
        }
        return slug;
    }

    /** One unique, deterministic name per distinct value, in the values' order. */
    public static Map<String, String> unique(Collection<String> values) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(values));
        Map<String, List<String>> byBase = new LinkedHashMap<>();
        for (String value : distinct) {
            byBase.computeIfAbsent(base(value), b -> new ArrayList<>()).add(value);
        }
        Map<String, String> slugs = new LinkedHashMap<>();
        for (String value : distinct) {
            String plain = plain(value);
            List<String> sharing = byBase.get(base(value));
            slugs.put(value, !plain.isEmpty() && sharing.size() == 1 ? plain : hashed(value, sharing));
        }
        return slugs;
    }

    /** The plain slug, or "x" for a value that has none (it always gets a hash). */
    private static String base(String value) {
        String plain = plain(value);
        return plain.isEmpty() ? "x" : plain;
    }

    /** The base with the shortest hash that tells the value apart from the others sharing its base. */
    private static String hashed(String value, List<String> sharing) {
        String mine = sha256(value);
        List<String> others = sharing.stream().filter(other -> !other.equals(value)).map(Slugs::sha256).toList();
        for (int length : HASH_LENGTHS) {
            String hash = mine.substring(0, length);
            if (others.stream().noneMatch(other -> other.startsWith(hash))) {
                return base(value) + "--" + hash;
            }
        }
        throw new IllegalStateException("two values with the same SHA-256: " + sharing);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
