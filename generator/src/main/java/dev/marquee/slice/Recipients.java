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
 *
 * @param file the file's name as messages give it
 */
public record Recipients(String file, List<Recipient> recipients) {

    public static final String DEFAULT_FILE = "recipients.yaml";
    /** The manifest's name in the site's slices folder. */
    public static final String MANIFEST = "recipients.json";
    /** The environment variable that holds a recipient's address, on the machine that sends the mail. */
    public static final String ADDRESS_VARIABLE = "MARQUEE_RECIPIENT_";
    private static final Set<String> KEYS = new TreeSet<>(Set.of("id", "slice", "region", "country", "plan"));

    public Recipients {
        recipients = List.copyOf(recipients);
    }

    /**
     * One reader: an id that says nothing about the person (lower-case letters, digits and '-'), and the slice they
     * get, empty for the whole report.
     */
    public record Recipient(String id, Optional<Dimension> dimension, String value, int line) {
        public boolean all() {
            return dimension.isEmpty();
        }

        /** The name of the variable that holds the address: {@code MARQUEE_RECIPIENT_EUROPE_LEAD}. */
        public String addressVariable() {
            return ADDRESS_VARIABLE + id.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        }
    }

    public static Recipients none() {
        return new Recipients("", List.of());
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
        return parse(text, name);
    }

    /** The same from the file's text, for tests. */
    public static Recipients parse(String text, String name) {
        try {
            FrontMatter root = FrontMatter.parse(text, 1, name);
            for (String key : root.keys()) {
                if (!key.equals("recipients")) {
                    throw new FrontMatterException(root.line(key), "unknown key '" + key + "'; the file holds one key, recipients");
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
                            + "'region: ...', 'country: ...' and 'plan: ...', got " + (given.isEmpty() ? "none" : given));
                }
                String key = given.get(0);
                String value = entry.string(key).orElse("");
                if (value.isEmpty()) {
                    throw new FrontMatterException(entry.line(key), "'" + key + "' of recipient '" + id + "' is empty");
                }
                if (key.equals("slice")) {
                    if (!value.equals("all")) {
                        throw new FrontMatterException(entry.line(key), "'slice' takes only 'all' (the whole report); for a slice "
                                + "write 'region: VALUE', 'country: VALUE' or 'plan: VALUE', got '" + value + "'");
                    }
                    recipients.add(new Recipient(id, Optional.empty(), "all", entry.line(key)));
                } else {
                    recipients.add(new Recipient(id, Optional.of(Dimension.parse(key, key)), value, entry.line(key)));
                }
            }
            return new Recipients(name, recipients);
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

    private static Optional<Slices.Slice> sliceOf(Recipient recipient, List<Slices.Slice> slices) {
        return recipient.dimension().flatMap(d -> slices.stream()
                .filter(s -> s.dimension() == d && s.value().equals(recipient.value())).findFirst());
    }

    private static String note(Recipient recipient, List<Slices.Slice> slices) {
        String dimension = recipient.dimension().orElseThrow().column();
        String why = sliceOf(recipient, slices).isPresent()
                ? dimension + " " + recipient.value() + " is not published on its own: it has fewer members than the report's k, or "
                        + "it is withheld with such slices so that the whole report minus the published ones counts k members or more"
                : "no member of the data is in " + dimension + " " + recipient.value();
        return why + ", so there is no PDF of that " + dimension + " to send (nothing is sent rather than an empty report)";
    }

    private static String describe(Recipient recipient) {
        return recipient.all() ? "all" : recipient.dimension().orElseThrow().column() + ": " + recipient.value();
    }

    /**
     * Checks every recipient's slice against the run's: the dimension must be the one sliced, and the value one the
     * dimension knows (a region of the regions table, say), though the data may have no member there.
     *
     * @param known the values the dimension can take, with or without members in this data
     * @throws ReportException (exit 3) naming the file and line of the first recipient that does not fit
     */
    public void check(Dimension sliced, Set<String> known) {
        for (Recipient recipient : recipients) {
            if (recipient.all()) {
                continue;
            }
            Dimension dimension = recipient.dimension().orElseThrow();
            if (dimension != sliced) {
                throw new ReportException(ReportException.CONFIG_PROBLEM, file + ", line " + recipient.line() + ": recipient '"
                        + recipient.id() + "' gets a " + dimension.column() + " slice, but this run slices by " + sliced.column()
                        + " (--slices " + sliced.column() + ")");
            }
            if (!known.contains(recipient.value())) {
                throw new ReportException(ReportException.CONFIG_PROBLEM, file + ", line " + recipient.line() + ": unknown "
                        + dimension.column() + " '" + recipient.value() + "' for recipient '" + recipient.id() + "'; the "
                        + dimension.column() + "s are " + new TreeSet<>(known));
            }
        }
    }
}
