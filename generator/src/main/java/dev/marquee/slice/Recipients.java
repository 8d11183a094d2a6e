package dev.marquee.slice;

import dev.marquee.catalog.FrontMatter;
import dev.marquee.catalog.FrontMatter.FrontMatterException;
import dev.marquee.run.ReportException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who gets which PDF: the project's {@code recipients.yaml}, read once into strict records. It names readers by an id
 * only (names and addresses live in the repository's secrets, {@code MARQUEE_RECIPIENT_<ID>}), each with one slice or
 * the whole report:
 * <pre>
 * recipients:
 *   - id: board
 *     slice: all
 *   - id: europe-lead
 *     region: Europe
 * </pre>
 * With a slices file, a reader gets one of its slices by name ({@code slice: Nordics}), and the file may say what the
 * run is sliced by ({@code slices: territories.yaml}, or {@code slices: region}): the workflow passes it to
 * {@code --slices}, and a run sliced otherwise stops.
 *
 * @param file       the file's name as messages give it
 * @param slices     what the file says the run is sliced by; empty when it does not say
 * @param slicesLine the line that says it
 */
public record Recipients(String file, List<Recipient> recipients, Optional<Dimension> slices, int slicesLine) {

    public static final String DEFAULT_FILE = "recipients.yaml";
    /** The manifest's name in the site's slices folder. */
    public static final String MANIFEST = "recipients.json";
    /** The environment variable that holds a recipient's address, on the machine that sends the mail. */
    public static final String ADDRESS_VARIABLE = "MARQUEE_RECIPIENT_";
    /** {@code slice: all}: the whole report. */
    static final String ALL = "all";
    private static final Set<String> KEYS = new TreeSet<>(Set.of("id", "slice", "region", "country", "plan"));

    public Recipients {
        recipients = List.copyOf(recipients);
    }

    /**
     * One reader: an id that says nothing about the person (lower-case letters, digits and '-'), and the slice they
     * get: a value of a column ({@code region: Europe}), or with no column {@code all} for the whole report or the
     * name of a slice of the run's slices file ({@code slice: Nordics}).
     */
    public record Recipient(String id, Optional<Dimension.Column> dimension, String value, int line) {
        public boolean all() {
            return dimension.isEmpty() && value.equals(ALL);
        }

        /** The name of the variable that holds the address: {@code MARQUEE_RECIPIENT_EUROPE_LEAD}. */
        public String addressVariable() {
            return ADDRESS_VARIABLE + id.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        }
    }

    public static Recipients none() {
        return new Recipients("", List.of(), Optional.empty(), 0);
    }

    public boolean isEmpty() {
        return recipients.isEmpty();
    }

    /** @throws ReportException (exit 3) naming the file and line of the first problem */
    public static Recipients read(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "cannot read " + path + ": " + e.getClass().getSimpleName()
                    + " " + e.getMessage());
        }
        return parse(text, name, path.toAbsolutePath().getParent());
    }

    /** The same from the file's text, for tests; a slices file it names is read from the working folder. */
    public static Recipients parse(String text, String name) {
        return parse(text, name, Path.of(""));
    }

    private static Recipients parse(String text, String name, Path folder) {
        try {
            FrontMatter root = FrontMatter.parse(text, 1, name);
            for (String key : root.keys()) {
                if (!key.equals("recipients") && !key.equals("slices")) {
                    throw new FrontMatterException(root.line(key), "unknown key '" + key + "'; the keys are [recipients, slices]");
                }
            }
            Optional<Dimension> slices = Optional.empty();
            Optional<String> word = root.string("slices");
            if (word.isPresent()) {
                try {
                    slices = Optional.of(Dimension.parse("'slices'", word.get(), folder));
                } catch (ReportException e) {
                    throw new FrontMatterException(root.line("slices"), e.getMessage());
                }
            }
            List<Recipient> recipients = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (FrontMatter entry : root.mappings("recipients")) {
                for (String key : entry.keys()) {
                    if (!KEYS.contains(key)) {
                        throw new FrontMatterException(entry.line(key), "unknown key '" + key + "'; the keys are " + KEYS);
                    }
                }
                String id = entry.string("id").filter(v -> !v.isEmpty())
                        .orElseThrow(() -> new FrontMatterException(entry.line(), "a recipient needs an 'id'"));
                if (!id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                    throw new FrontMatterException(entry.line("id"), "id '" + id + "' must be up to 40 lower-case letters, digits "
                            + "and '-', starting with a letter or digit: a role or a code, never a name or an address (those go "
                            + "in the secret " + ADDRESS_VARIABLE + "<ID>)");
                }
                if (!ids.add(id)) {
                    throw new FrontMatterException(entry.line("id"), "id '" + id + "' is used twice");
                }
                List<String> given = entry.keys().stream().filter(k -> !k.equals("id")).toList();
                if (given.size() != 1) {
                    throw new FrontMatterException(entry.line(), "recipient '" + id + "' needs exactly one of 'slice: all', "
                            + "'slice: NAME' (of a slices file), 'region: ...', 'country: ...' and 'plan: ...', got "
                            + (given.isEmpty() ? "none" : given));
                }
                String key = given.get(0);
                String value = entry.string(key).orElse("");
                if (value.isEmpty()) {
                    throw new FrontMatterException(entry.line(key), "'" + key + "' of recipient '" + id + "' is empty");
                }
                if (key.equals("slice")) {
                    recipients.add(new Recipient(id, Optional.empty(), value.equalsIgnoreCase(ALL) ? ALL : value, entry.line(key)));
                } else {
                    recipients.add(new Recipient(id, Optional.of(Dimension.Column.parse(key, key)), value, entry.line(key)));
                }
            }
            return new Recipients(name, recipients, slices, root.line("slices"));
        } catch (FrontMatterException e) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, name + ", line " + e.line() + ": " + e.getMessage());
        }
    }

    /**
     * The manifest the workflow's mail step reads ({@code slices/recipients.json}): per recipient its id, the variable
     * that holds its address, and the PDF to send (a path in the site), or none with a note when its slice has no
     * member in the data. No name or address is in it.
     */
    public String manifest(List<Slices.Slice> slices, String pdfName) {
        StringBuilder json = new StringBuilder("{\n  \"recipients\": [");
        for (int i = 0; i < recipients.size(); i++) {
            Recipient recipient = recipients.get(i);
            Optional<Slices.Slice> slice = sliceOf(recipient, slices).filter(Slices.Slice::published);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"id\": ").append(dev.marquee.format.Json.string(recipient.id()))
                    .append(", \"address_variable\": ").append(dev.marquee.format.Json.string(recipient.addressVariable()))
                    .append(", \"slice\": ").append(dev.marquee.format.Json.string(describe(recipient)))
                    .append(", \"pdf\": ");
            if (recipient.all()) {
                json.append(dev.marquee.format.Json.string(pdfName));
            } else if (slice.isPresent()) {
                json.append(dev.marquee.format.Json.string(slice.get().folder() + "/" + pdfName));
            } else {
                json.append("null, \"note\": ").append(dev.marquee.format.Json.string(note(recipient, slices)));
            }
            json.append('}');
        }
        return json.append(recipients.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    /** The notes to print for recipients whose slice has no PDF: no member in the data, or fewer than k. */
    public List<String> notes(List<Slices.Slice> slices) {
        return recipients.stream().filter(r -> !r.all())
                .filter(r -> sliceOf(r, slices).filter(Slices.Slice::published).isEmpty())
                .map(r -> file + ", line " + r.line() + ": recipient '" + r.id() + "': " + note(r, slices)).toList();
    }

    /** The run's slice a recipient gets: of their column's value, or of the slices file by its name; none for all. */
    private static Optional<Slices.Slice> sliceOf(Recipient recipient, List<Slices.Slice> slices) {
        if (recipient.all()) {
            return Optional.empty();
        }
        return slices.stream().filter(s -> recipient.dimension().map(d -> s.dimension() == d).orElse(s.dimension() instanceof SliceFile)
                && s.value().equals(recipient.value())).findFirst();
    }

    /** What a recipient's key names a slice as: "region", or "slice" for a slice of a slices file. */
    private static String kind(Recipient recipient) {
        return recipient.dimension().map(Dimension.Column::column).orElse("slice");
    }

    private static String note(Recipient recipient, List<Slices.Slice> slices) {
        String dimension = kind(recipient);
        String why = sliceOf(recipient, slices).isPresent()
                ? dimension + " " + recipient.value() + " is not published on its own: it has fewer members than the report's k, or "
                        + "it is withheld with such slices so that the whole report minus the published ones counts k members or more"
                : "no member of the data is in " + dimension + " " + recipient.value();
        return why + ", so there is no PDF of that " + dimension + " to send (nothing is sent rather than an empty report)";
    }

    private static String describe(Recipient recipient) {
        return recipient.all() ? ALL : kind(recipient) + ": " + recipient.value();
    }

    /**
     * Checks the file against the run: what it says the run is sliced by must be the run's, and every recipient's
     * slice one of the run's kind (a region for a run by region, a name of the slices file for a run by a file) with a
     * value the dimension knows (a region of the regions table, say, or a slice the file names), though the data may
     * have no member there.
     *
     * @param known the values the dimension can take, with or without members in this data
     * @throws ReportException (exit 3) naming the file and line of the first thing that does not fit
     */
    public void check(Dimension sliced, Set<String> known) {
        String run = by(sliced) + " (--slices " + sliced.option() + ")";
        if (slices.isPresent() && !slices.get().equals(sliced)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, file + ", line " + slicesLine + ": 'slices: "
                    + slices.get().option() + "' says the run slices " + by(slices.get()) + ", but it slices " + run);
        }
        for (Recipient recipient : recipients) {
            if (recipient.all()) {
                continue;
            }
            boolean fits = recipient.dimension().map(d -> d == sliced).orElse(sliced instanceof SliceFile);
            if (!fits) {
                throw new ReportException(ReportException.CONFIG_PROBLEM, file + ", line " + recipient.line() + ": recipient '"
                        + recipient.id() + "' gets " + recipient.dimension().map(d -> "a " + d.column() + " slice")
                        .orElse("the slice '" + recipient.value() + "' of a slices file") + ", but this run slices " + run);
            }
            if (!known.contains(recipient.value())) {
                throw new ReportException(ReportException.CONFIG_PROBLEM, file + ", line " + recipient.line() + ": unknown "
                        + kind(recipient) + " '" + recipient.value() + "' for recipient '" + recipient.id() + "'; the "
                        + recipient.dimension().map(d -> d.plural() + " are " + new TreeSet<>(known))
                        .orElse("slices of " + sliced.option() + " are " + List.copyOf(known)));
            }
        }
    }

    private static String by(Dimension dimension) {
        return dimension instanceof SliceFile ? "by the groups of " + dimension.option() : "by " + dimension.column();
    }
}
