package dev.marquee.layer;

import dev.marquee.run.ReportException;
import dev.marquee.catalog.QuerySource;
import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;
import dev.marquee.engine.Sessions;
import dev.marquee.load.MemberIds;
import dev.marquee.model.Problem;
import dev.marquee.query.Statements;
import dev.marquee.run.Background;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The member and title layer: a few tables at the grains the questions need (one row per member of every
 * population, one row per title and period), each built from the richest source present by SQL declared in
 * {@code layer/<table>.sql}, the way dbt separates staging models from marts. Questions read these tables; a table's
 * rows name their source, so figures from different populations are never added together.
 *
 * <p>On embedded DuckDB the tables are built once, after validation. A remote engine's schema holds only the data
 * model, so there each statement that reads a layer table gets its definition as a common table expression, unless the
 * run has a schema of that engine to build the tables in ({@code --scratch-schema}).
 */
public final class Layer {

    private static final Pattern WITH = Pattern.compile("(?is)^(\\s*(?:--[^\\n]*\\n\\s*)*)WITH\\b");

    /**
     * One table of the layer: its name, the SQL that builds it, whether it is made from members' own rows, and whether
     * a slice reads the whole data's table instead of its own (band edges: see {@code index.txt}).
     */
    public record Table(String name, QuerySource definition, boolean personal, boolean wholeInSlices) {
    }

    /**
     * A layer table as a reader is shown it beside the SQL that reads it: what it holds, in the words of its file's
     * opening comment, the SQL that builds it, as this run bound it, and whether it came out empty (no file of the data
     * gives what it is made from).
     */
    public record Shown(String name, List<Paragraph> description, String sql, boolean empty) {
        public Shown {
            description = List.copyOf(description);
        }
    }

    /** A paragraph of a layer file's opening comment, or an item of a list there (a line starting with "* "). */
    public record Paragraph(String text, boolean item) {
    }

    private final List<Table> tables;
    /** Each table's inputs: the layer tables its SQL reads. */
    private final Map<String, List<Table>> inputs = new LinkedHashMap<>();

    Layer(List<Table> tables) {
        this.tables = List.copyOf(tables);
        List<String> names = names();
        for (Table table : tables) {
            List<String> read = readAmong(table.definition().sql(), names);
            inputs.put(table.name(), tables.stream().filter(other -> other != table && read.contains(other.name())).toList());
        }
        for (int t = 0; t < tables.size(); t++) {
            for (Table input : inputs(tables.get(t))) {
                if (tables.indexOf(input) > t) {
                    throw new IllegalStateException("layer table " + tables.get(t).name() + " reads " + input.name()
                            + ", which comes after it in layer/index.txt: a table comes after the tables it reads");
                }
            }
        }
    }

    /**
     * The layer as declared in the generator's resources ({@code layer/index.txt}, in build order), read once: a run
     * asks for it at every stage, and each reading parses every file and works out each table's inputs again.
     */
    public static Layer standard() {
        return Standard.LAYER;
    }

    /** Holds the standard layer, read the first time it is asked for. */
    private static final class Standard {
        static final Layer LAYER = read();
    }

    private static Layer read() {
        List<Table> tables = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            String file = parts[0];
            String name = file.replace(".sql", "");
            List<String> flags = List.of(parts).subList(1, parts.length);
            tables.add(new Table(name, new QuerySource(name, resource(file), Path.of("layer", file), 1),
                    flags.contains("personal"), flags.contains("whole")));
        }
        return new Layer(tables);
    }

    public List<Table> tables() {
        return tables;
    }

    /** The statements that build the tables, in build order. */
    public List<QuerySource> definitions() {
        return tables.stream().map(Table::definition).toList();
    }

    public List<String> names() {
        return tables.stream().map(Table::name).toList();
    }

    /** The tables questions may read: the data model's and the layer's. */
    public Set<String> withModelTables(java.util.Collection<String> modelTables) {
        Set<String> all = new TreeSet<>(modelTables);
        all.addAll(names());
        return all;
    }

    /** The tables made from members' own rows: the data model's, and the layer tables built from them. */
    public Set<String> withMemberTables(Set<String> modelMemberTables) {
        Set<String> personal = new TreeSet<>(modelMemberTables);
        tables.stream().filter(Table::personal).forEach(t -> personal.add(t.name()));
        return personal;
    }

    /**
     * Builds every table on the engine from the validated data, on two sessions where the engine has a second one
     * ({@link Sessions}): each session takes the next table in declared order and starts it as soon as the tables it
     * reads are built, so a table never waits for an unrelated one (the subscriptions' months are built while a
     * viewing rollup is still running). The declared order puts the longest chain first (member × title,
     * then member genres, then the member table), which keeps both cores busy to the end. Member ids that are all
     * plain whole numbers are stored as numbers first ({@link MemberIds}): the tables group and join by member faster.
     *
     * @throws ReportException naming the layer file when its SQL fails (a defect of the generator, not of the data)
     */
    public void build(Background background, Engine engine, Statements.Bound sql) {
        MemberIds.storeAsNumbers(background, engine);
        create(background, engine, sql, (table, statement) -> "CREATE OR REPLACE TABLE " + table.name() + " AS " + statement,
                "The member and title layer could not be built", ReportException.INTERNAL_PROBLEM);
    }

    /**
     * The engine as questions see it when the layer is built in a schema of a remote engine the account may create
     * tables in ({@code --scratch-schema}): each table is built there once ({@link ScratchTables} names them), and every
     * statement reads the tables it needs as common table expressions that select from them. Closing the returned
     * engine drops those tables, and no other; when one fails to build, those built before it are dropped before the
     * failure is reported.
     *
     * @param notes told of a table that could not be dropped, so the user can drop it by hand
     * @throws ReportException naming the layer file and the schema when a table cannot be built there
     */
    public Engine storedOn(Background background, Engine engine, Statements.Bound definitions,
                           List<dev.marquee.model.TableSpec> absent, String schema, Consumer<String> notes) {
        ScratchTables scratch = new ScratchTables(engine, schema, names(), notes);
        Map<String, String> stored = scratch.names();
        try {
            create(background, engine, definitions, (table, statement) -> "CREATE TABLE " + stored.get(table.name()) + " AS "
                            + inline(statement, definitions, absent, stored),
                    "The member and title layer could not be built in --scratch-schema " + schema, ReportException.CONFIG_PROBLEM);
        } catch (RuntimeException e) {
            scratch.drop();
            throw e;
        }
        return new InlinedLayer(engine, sql -> inline(sql, definitions, absent, stored), scratch::drop);
    }

    /**
     * Builds every table with the statement {@code creating} makes of it and its bound SQL, on two sessions where the
     * engine has a second one; a failure is reported as {@code failure} with the exit code {@code code}, naming the
     * layer file.
     */
    private void create(Background background, Engine engine, Statements.Bound sql,
                        BiFunction<Table, String, String> creating,
                        String failure, int code) {
        Map<String, CompletableFuture<Void>> built = new LinkedHashMap<>();
        tables.forEach(t -> built.put(t.name(), new CompletableFuture<>()));
        EngineException[] errors = new EngineException[tables.size()];
        String[] statements = tables.stream().map(t -> creating.apply(t, sql.sql(t.definition()))).toArray(String[]::new);
        Sessions.share(background, engine, tables.size(), (session, i) -> {
            Table table = tables.get(i);
            CompletableFuture<Void> done = built.get(table.name());
            try {
                // Every input comes earlier in the declared order, so it is built or being built by the other session.
                inputs(table).forEach(input -> built.get(input.name()).join());
                session.execute(statements[i]);
                done.complete(null);
            } catch (EngineException e) {
                errors[i] = e;
                done.completeExceptionally(e);
            } catch (CompletionException e) {
                // An input failed: reported by that table.
                done.completeExceptionally(e);
            }
        });
        for (int i = 0; i < errors.length; i++) {
            if (errors[i] != null) {
                throw ReportException.of(code, failure,
                        List.of(Problem.fatal(tables.get(i).definition().file().toString(), 0, "", "layer-error",
                                firstLine(errors[i].getMessage()))));
            }
        }
    }

    /**
     * The layer tables the statements read, directly or through another layer table, in build order, each with the
     * SQL that builds it as {@code definitions} binds it: what a reader needs to follow a statement that reads them.
     * A table not in {@code filled} (the tables with rows) is marked empty.
     */
    public List<Shown> readBy(java.util.Collection<String> statements, Statements.Bound definitions, Set<String> filled) {
        return readThrough(statements).stream()
                .map(t -> shown(t.name(), !filled.contains(t.name()), definitions.sql(t.definition()))).toList();
    }

    /** The layer tables the statements read, directly or through another layer table, in build order. */
    private List<Table> readThrough(java.util.Collection<String> statements) {
        return readThrough(statements, Set.of());
    }

    /** As {@link #readThrough(java.util.Collection)}, but a table in {@code stored} is read as it is, not through its inputs. */
    private List<Table> readThrough(java.util.Collection<String> statements, Set<String> stored) {
        Set<String> needed = new java.util.HashSet<>();
        List<String> names = names();
        Set<String> named = statements.stream().flatMap(sql -> readAmong(sql, names).stream())
                .collect(java.util.stream.Collectors.toSet());
        for (int t = tables.size() - 1; t >= 0; t--) {
            Table table = tables.get(t);
            boolean read = named.contains(table.name())
                    || tables.stream().anyMatch(other -> needed.contains(other.name()) && !stored.contains(other.name())
                            && inputs(other).contains(table));
            if (read) {
                needed.add(table.name());
            }
        }
        return tables.stream().filter(t -> needed.contains(t.name())).toList();
    }

    /**
     * The file's opening comment (its lines up to the first blank one) as paragraphs, without the table's name before
     * the first; the SQL after it. An empty comment line ends a paragraph, and so does a list item's end: its lines
     * after the first are indented, so the first line that is not starts a new paragraph.
     */
    static Shown shown(String name, boolean empty, String boundSql) {
        List<String> lines = boundSql.lines().toList();
        int header = 0;
        while (header < lines.size() && lines.get(header).strip().startsWith("--")) {
            header++;
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean item = false;
        for (String line : lines.subList(0, header)) {
            String raw = line.strip().replaceFirst("^--\\s?", "");
            String words = raw.strip();
            if (words.isEmpty() || words.startsWith("* ") || item && !raw.startsWith(" ")) {
                addParagraph(paragraphs, text, item);
                item = words.startsWith("* ");
                words = item ? words.substring(2) : words;
            }
            text.append(text.length() == 0 ? "" : " ").append(words);
        }
        addParagraph(paragraphs, text, item);
        if (!paragraphs.isEmpty() && paragraphs.get(0).text().startsWith(name + ": ")) {
            String first = paragraphs.get(0).text().substring(name.length() + 2);
            paragraphs.set(0, new Paragraph(first.isEmpty() ? first : Character.toUpperCase(first.charAt(0)) + first.substring(1),
                    paragraphs.get(0).item()));
        }
        return new Shown(name, paragraphs, String.join("\n", lines.subList(header, lines.size())).strip(), empty);
    }

    private static void addParagraph(List<Paragraph> paragraphs, StringBuilder text, boolean item) {
        if (!text.toString().isBlank()) {
            paragraphs.add(new Paragraph(text.toString().strip(), item));
        }
        text.setLength(0);
    }

    /** The layer tables a table is built from. */
    List<Table> inputs(Table table) {
        return inputs.get(table.name());
    }

    /**
     * The engine as questions see it when it cannot hold the layer (a remote engine's schema has only the data model):
     * every statement sent through it reads the layer tables as common table expressions.
     */
    public Engine inlinedOn(Engine engine, Statements.Bound definitions, List<dev.marquee.model.TableSpec> absent) {
        return new InlinedLayer(engine, sql -> inline(sql, definitions, absent), () -> {
        });
    }

    /**
     * A statement for an engine that does not hold the layer: the layer tables it reads (and those they read) become
     * common table expressions in front of it.
     */
    String inline(String sql, Statements.Bound definitions, List<dev.marquee.model.TableSpec> absent) {
        return inline(sql, definitions, absent, Map.of());
    }

    /** As {@link #inline(String, Statements.Bound, List)}, but a layer table in {@code stored} is read from the table named there. */
    private String inline(String sql, Statements.Bound definitions, List<dev.marquee.model.TableSpec> absent,
            Map<String, String> stored) {
        List<Table> needed = readThrough(List.of(sql), stored.keySet());
        List<String> neededSql = needed.stream().map(t -> stored.containsKey(t.name())
                ? "SELECT * FROM " + stored.get(t.name()) : definitions.sql(t.definition())).toList();
        StringBuilder ctes = new StringBuilder();
        // A table of the data model the remote schema lacks reads as an empty table of the model's columns.
        for (dev.marquee.model.TableSpec table : absent) {
            if (reads(sql, table.name()) || neededSql.stream().anyMatch(definition -> reads(definition, table.name()))) {
                ctes.append(ctes.length() == 0 ? "WITH " : ",\n").append(table.name()).append(" AS (SELECT ")
                        .append(String.join(", ", table.columns().stream()
                                .map(c -> "CAST(NULL AS " + c.sqlType() + ") AS " + c.name()).toList()))
                        .append(" FROM (VALUES 1) AS none(n) WHERE 1 = 0)");
            }
        }
        if (needed.isEmpty() && ctes.length() == 0) {
            return sql;
        }
        // In build order: a table may read the ones before it.
        for (int t = 0; t < needed.size(); t++) {
            ctes.append(ctes.length() == 0 ? "WITH " : ",\n").append(needed.get(t).name()).append(" AS (\n")
                    .append(neededSql.get(t)).append("\n)");
        }
        Matcher with = WITH.matcher(sql);
        if (with.find()) {
            return with.group(1) + ctes + ",\n" + sql.substring(with.end());
        }
        return ctes + "\n" + sql;
    }

    /** Whether a statement reads a table (see TablesRead). */
    public static boolean reads(String sql, String table) {
        return !readAmong(sql, List.of(table)).isEmpty();
    }

    /** The tables of {@code tables} a statement reads (see TablesRead). */
    public static List<String> readAmong(String sql, List<String> tables) {
        return dev.marquee.catalog.TablesRead.among(sql, tables);
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    private static String resource(String name) {
        try (InputStream in = Layer.class.getResourceAsStream("/layer/" + name)) {
            if (in == null) {
                throw new IllegalStateException("layer/" + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
