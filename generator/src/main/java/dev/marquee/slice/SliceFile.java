package dev.marquee.slice;

import dev.marquee.catalog.FrontMatter;
import dev.marquee.catalog.FrontMatter.FrontMatterException;
import dev.marquee.format.SafeText;
import dev.marquee.run.ReportException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A slices file: named groups of one member column's values, one slice per group, for readers whose territory is not
 * one value. Read once into a strict record, as {@code recipients.yaml} is:
 * <pre>
 * by: country            # region, country or plan: the member column the slices are groups of
 * label: Territory       # how pages name a slice: "Territory: Nordics" (default: Slice)
 * slices:
 *   Nordics: [Sweden, Norway, Denmark, Finland]
 *   DACH: [Germany, Austria, Switzerland]
 * </pre>
 * A value is in one slice at most; the members of the values no slice lists are the slice {@link #EVERYONE_ELSE}, so
 * the slices still add up to the whole. The slices keep the file's order, that one last.
 *
 * @param file   the file's name as messages give it
 * @param path   the file, absolute: {@code recipients.yaml} may name it too, and must name the same
 * @param by     the column whose values the slices group
 * @param label  a singular noun, as pages name a slice before its name
 * @param groups the slices the file names, in its order
 */
public record SliceFile(String file, Path path, Column by, String label, List<Group> groups) implements Dimension {

    /** The slice of the members whose value no slice of the file lists. */
    public static final String EVERYONE_ELSE = "Everyone else";
    static final String DEFAULT_LABEL = "Slice";
    static final int MAX_LABEL_LENGTH = 40;
    private static final Set<String> KEYS = new TreeSet<>(Set.of("by", "label", "slices"));

    public SliceFile {
        groups = List.copyOf(groups);
    }

    /** A slice of the file: its name, the values whose members it holds (each with its line), and its line. */
    public record Group(String name, List<FrontMatter.Item> values, int line) {
        public Group {
            values = List.copyOf(values);
        }
    }

    /** @throws ReportException (exit 3) naming the file and line of the first problem */
    static SliceFile read(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "cannot read the slices file " + path + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return parse(text, name, path);
    }

    /** The same from the file's text, for tests. */
    static SliceFile parse(String text, String name, Path path) {
        try {
            FrontMatter root = FrontMatter.parse(text, 1, name);
            for (String key : root.keys()) {
                if (!KEYS.contains(key)) {
                    throw new FrontMatterException(root.line(key), "unknown key '" + key + "'; the keys are " + KEYS);
                }
            }
            String word = root.string("by").filter(v -> !v.isEmpty()).orElseThrow(() -> new FrontMatterException(root.line(),
                    "the file needs 'by: region', 'by: country' or 'by: plan': the member column its slices are groups of"));
            Column by = Column.find(word).orElseThrow(() -> new FrontMatterException(root.line("by"), "'by' must be one of "
                    + java.util.Arrays.stream(Column.values()).map(Column::column).toList() + ", got '" + word + "'"));
            String label = root.string("label").orElse(DEFAULT_LABEL);
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH || !label.equals(SafeText.line(label))) {
                throw new FrontMatterException(root.line("label"), "'label' must be a word or two of at most " + MAX_LABEL_LENGTH
                        + " characters on one line, such as Territory");
            }
            FrontMatter slices = root.mapping("slices").orElseThrow(() -> new FrontMatterException(root.line(),
                    "the file needs 'slices': each slice's name with the " + by.plural() + " it holds, such as 'Nordics: [Sweden, Norway]'"));
            if (slices.keys().isEmpty()) {
                throw new FrontMatterException(root.line("slices"), "'slices' names no slice");
            }
            return new SliceFile(name, path.toAbsolutePath().normalize(), by, label, groups(slices, by));
        } catch (FrontMatterException e) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, name + ", line " + e.line() + ": " + e.getMessage());
        }
    }

    private static List<Group> groups(FrontMatter slices, Column by) throws FrontMatterException {
        List<Group> groups = new ArrayList<>();
        Map<String, Group> listedIn = new HashMap<>();
        Map<String, Integer> listedOn = new HashMap<>();
        for (String name : slices.keys()) {
            int line = slices.line(name);
            if (name.isBlank()) {
                throw new FrontMatterException(line, "a slice needs a name");
            }
            for (String reserved : List.of(Recipients.ALL, EVERYONE_ELSE)) {
                if (name.strip().equalsIgnoreCase(reserved)) {
                    throw new FrontMatterException(line, "'" + name + "' cannot name a slice: " + (reserved.equals(EVERYONE_ELSE)
                            ? "it is the slice of the members whose " + by.column() + " no slice lists"
                            : "'slice: all' is the whole report in " + Recipients.DEFAULT_FILE) + "; give the slice another name");
                }
            }
            Group group = new Group(name.strip(), slices.items(name), line);
            if (group.values().isEmpty()) {
                throw new FrontMatterException(line, "slice '" + group.name() + "' lists no " + by.column());
            }
            for (FrontMatter.Item value : group.values()) {
                if (value.value().isEmpty()) {
                    throw new FrontMatterException(value.line(), "slice '" + group.name() + "' lists an empty " + by.column());
                }
                Group before = listedIn.putIfAbsent(value.value(), group);
                if (before != null) {
                    throw new FrontMatterException(value.line(), before == group
                            ? "'" + value.value() + "' is listed twice in slice '" + group.name() + "' (also on line "
                                    + listedOn.get(value.value()) + ")"
                            : "'" + value.value() + "' is in two slices, '" + before.name() + "' (line " + listedOn.get(value.value())
                                    + ") and '" + group.name() + "': a member can be in one slice only");
                }
                listedOn.put(value.value(), value.line());
            }
            groups.add(group);
        }
        return groups;
    }

    /**
     * Checks every value the file lists against those its column can take (every region or country of the regions
     * table, say, whether or not this data has members there).
     *
     * @throws ReportException (exit 3) naming the file and line of the first value the column does not know
     */
    void check(Set<String> known) {
        for (Group group : groups) {
            for (FrontMatter.Item value : group.values()) {
                if (!known.contains(value.value())) {
                    throw new ReportException(ReportException.CONFIG_PROBLEM, file + ", line " + value.line() + ": unknown "
                            + by.column() + " '" + value.value() + "' in slice '" + group.name() + "'; the " + by.plural()
                            + " are " + new TreeSet<>(known));
                }
            }
        }
    }

    /** The slices' names, in the file's order, {@link #EVERYONE_ELSE} last. */
    public List<String> names() {
        List<String> names = new ArrayList<>(groups.stream().map(Group::name).toList());
        names.add(EVERYONE_ELSE);
        return names;
    }

    @Override
    public String option() {
        return file;
    }

    @Override
    public String column() {
        return by.column();
    }

    /**
     * The label in a sentence: each word lower-cased unless it has a capital after its first letter (an acronym such
     * as EMEA stays).
     */
    @Override
    public String noun() {
        List<String> words = new ArrayList<>();
        for (String word : label.split(" ", -1)) {
            words.add(word.length() > 1 && !word.substring(1).equals(word.substring(1).toLowerCase(Locale.ROOT))
                    ? word : word.toLowerCase(Locale.ROOT));
        }
        return String.join(" ", words);
    }

    /** "All territories": the noun's plural by the English rule for its last letters. */
    @Override
    public String all() {
        String noun = noun();
        String plural;
        if (noun.matches("(?s).*[^aeiouAEIOU]y")) {
            plural = noun.substring(0, noun.length() - 1) + "ies";
        } else if (noun.matches("(?s).*(s|x|z|ch|sh)")) {
            plural = noun + "es";
        } else {
            plural = noun + "s";
        }
        return "All " + plural;
    }
}
