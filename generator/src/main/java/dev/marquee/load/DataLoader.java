package dev.marquee.load;

import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;
import dev.marquee.engine.Sessions;
import dev.marquee.engine.Table;
import dev.marquee.model.ColumnSpec;
import dev.marquee.model.DataModel;
import dev.marquee.model.Problem;
import dev.marquee.model.Problem.Severity;
import dev.marquee.model.SetAside;
import dev.marquee.model.TableSpec;
import dev.marquee.run.Background;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the data folder into the engine: each {@code <table>.csv}, {@code .csv.gz} or {@code .parquet} into the
 * model table of that name, with the model's column types (no type sniffing; member ids as numbers where they all
 * are, {@link MemberIds}; from Parquet, the events' titles and devices as lists of values, {@link Dictionaries}). Rows
 * the parser cannot read are set aside with their line, column and reason; a file that cannot be read at all is a
 * fatal problem. Any other CSV file, and each sheet of an Excel workbook ({@link XlsxFile}), is recognised by its
 * header as one of the public shapes ({@link Shape}) and mapped onto the model by that shape's SQL.
 */
public final class DataLoader {

    /** The file named for a reference table the generator brings itself (regions, the genre map), not a data file. */
    public static final String BUILT_IN = "built-in";
    private static final List<String> SUFFIXES = List.of(".csv.gz", ".csv", ".parquet");

    private DataLoader() {
    }

    public static LoadResult load(Background background, Path dataDir, DataModel model, Engine engine, Path scratchDir) {
        List<Problem> problems = new ArrayList<>();
        List<LoadedTable> tables = new ArrayList<>();
        List<RowLocator> locators = new ArrayList<>();
        List<SetAside> setAside = new ArrayList<>();
        List<ShapeMatch> shaped = new ArrayList<>();
        Map<String, Path> files = tableFiles(dataDir, model, scratchDir, problems, shaped);
        List<TableFile> work = new ArrayList<>();
        for (TableSpec spec : model.tables()) {
            Path file = files.get(spec.name());
            if (file == null && spec.builtin().isPresent()) {
                file = builtIn(spec.builtin().get(), scratchDir);
            }
            if (file != null) {
                work.add(new TableFile(spec, file, file.startsWith(scratchDir) ? BUILT_IN : display(file)));
            }
        }
        // The public shapes' rows are appended after the load, with values no dictionary lists.
        Map<String, String> dictionaries = shaped.isEmpty() ? Dictionaries.create(engine, files) : Map.of();
        for (FileLoad load : loadSideBySide(background, engine, work, dictionaries)) {
            problems.addAll(load.problems());
            setAside.addAll(load.setAside());
            locators.addAll(load.locators());
            load.table().ifPresent(tables::add);
        }
        if (!shaped.isEmpty()) {
            MemberIds.storeAsText(engine);
        }
        int sequence = 0;
        for (ShapeMatch match : shaped) {
            for (LoadedTable added : ShapeFile.load(engine, model, match.shape(), match.file(), match.format(), match.provenance(),
                    match.header(), match.linesBefore(), sequence++, problems, setAside)) {
                merge(tables, added);
            }
        }
        tables.sort(java.util.Comparator.comparingInt(t -> model.tableNames().indexOf(t.name())));
        // Every table of the model exists, empty when no file fed it, so any question's SQL binds; questions that need
        // a table's data still say so in 'requires' and are left out when it is absent.
        for (TableSpec spec : model.tables()) {
            if (tables.stream().noneMatch(t -> t.name().equals(spec.name()))) {
                engine.execute("CREATE TABLE IF NOT EXISTS " + spec.name() + " (" + String.join(", ",
                        spec.columns().stream().map(c -> c.name() + " " + c.sqlType()).toList()) + ")");
            }
        }
        MemberIds.agree(engine);
        return new LoadResult(tables, problems, setAside, locators, dictionaries.keySet());
    }

    /** A model table's file, and its name as messages show it. */
    private record TableFile(TableSpec spec, Path file, String shown) {
    }

    /** What loading one file gave: the table, or the problems that kept it out. */
    private record FileLoad(Optional<LoadedTable> table, List<Problem> problems, List<SetAside> setAside, List<RowLocator> locators) {
    }

    /**
     * Loads the files on two sessions at once where the engine has a second one, each session taking the next file,
     * largest first, and each statement keeping every thread of the engine: DuckDB reads a Parquet file's row groups
     * and a CSV file's blocks in parallel, a gzipped one too (one thread inflates while others parse), so the largest
     * file (the viewing events, as a rule) has both cores while the small ones are read beside it and takes the second
     * when they are done. On one thread each, the events' file was the load's time while a core idled (10M events from
     * CSV.gz on two cores: read alone 4.2 s on two threads, 5.9 s on one). Results come back in the model's table order.
     */
    private static List<FileLoad> loadSideBySide(Background background, Engine engine, List<TableFile> work,
                                                 Map<String, String> dictionaries) {
        FileLoad[] loads = new FileLoad[work.size()];
        long[] sizes = work.stream().mapToLong(w -> w.file().toFile().length()).toArray();
        List<Integer> bySize = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            bySize.add(i);
        }
        bySize.sort(java.util.Comparator.comparingLong((Integer i) -> sizes[i]).reversed().thenComparing(i -> i));
        Sessions.shareEveryThread(background, engine, bySize.size(), (session, n) -> loads[bySize.get(n)] = loadOne(session, work.get(bySize.get(n)), dictionaries));
        return List.of(loads);
    }

    private static FileLoad loadOne(Engine session, TableFile work, Map<String, String> dictionaries) {
        List<Problem> problems = new ArrayList<>();
        List<SetAside> setAside = new ArrayList<>();
        List<RowLocator> locators = new ArrayList<>();
        Optional<LoadedTable> loaded = work.file().getFileName().toString().endsWith(".parquet")
                ? ParquetFile.load(session, work.spec(), work.file(), work.shown(), dictionaries, problems)
                : CsvFile.load(session, work.spec(), work.file(), work.shown(), problems, setAside, locators);
        if (loaded.isPresent() && loaded.get().format().equals("parquet")) {
            locators.add(new RowLocator(work.spec().name(), work.file(), false, new long[0]));
        }
        if (loaded.isEmpty() && problems.isEmpty()) {
            throw new IllegalStateException("load of " + work.shown() + " failed without a problem");
        }
        return new FileLoad(loaded, problems, setAside, locators);
    }

    /**
     * A file recognised by its header as one of the public shapes: a CSV file of the data folder, or a workbook's sheet
     * written out as CSV in the scratch folder ({@code format} xlsx).
     *
     * @param linesBefore lines above the header (a title block), skipped when the file is read
     */
    private record ShapeMatch(Path file, String format, Shape shape, List<String> header, Provenance provenance, long linesBefore) {
    }

    /** Several files may feed one table: their rows are appended and their counts added up. */
    private static void merge(List<LoadedTable> tables, LoadedTable added) {
        for (int i = 0; i < tables.size(); i++) {
            LoadedTable existing = tables.get(i);
            if (existing.name().equals(added.name())) {
                tables.set(i, new LoadedTable(existing.spec(), existing.file() + " + " + added.file(),
                        existing.format().equals(added.format()) ? existing.format() : "mixed",
                        existing.rowsRead() + added.rowsRead(), existing.rowsRejected() + added.rowsRejected(),
                        existing.missingColumns().stream().filter(added.missingColumns()::contains).toList(), existing.extraColumns(),
                        existing.fileRows() + added.fileRows()));
                return;
            }
        }
        tables.add(added);
    }

    /**
     * The default as-of date: the latest member activity in the event files; without them, the latest date any file
     * carries (a member-level file's last join or activity, a report period's end, a catalogue's latest addition). A
     * member-level file is counted to its own latest date anyway (member.source_as_of), so it does not hold the report
     * back before an engagement report's later half-year.
     */
    public static Optional<java.time.LocalDate> latestActivityDate(Engine engine, LoadResult loaded) {
        List<String> activity = new ArrayList<>();
        addMax(loaded, "viewing_sessions", "started_at", activity);
        addMax(loaded, "ratings", "rated_at", activity);
        addMax(loaded, "payments", "paid_on", activity);
        addMax(loaded, "subscriptions", "started_on", activity);
        addMax(loaded, "subscriptions", "ended_on", activity);
        addMax(loaded, "users", "signup_date", activity);
        List<String> other = new ArrayList<>();
        addMax(loaded, "member_profiles", "signup_date", other);
        addMax(loaded, "member_profiles", "last_activity_date", other);
        addMax(loaded, "title_engagement", "period_end", other);
        addMax(loaded, "titles", "date_added", other);
        return latest(engine, activity).or(() -> latest(engine, other));
    }

    private static Optional<java.time.LocalDate> latest(Engine engine, List<String> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Table result = engine.query("SELECT max(d) FROM (" + String.join(" UNION ALL ", candidates) + ") AS activity(d)");
        return Optional.ofNullable((java.time.LocalDate) result.rows().get(0).get(0));
    }

    private static void addMax(LoadResult loaded, String table, String column, List<String> candidates) {
        if (loaded.has(table)) {
            candidates.add("SELECT CAST(max(" + column + ") AS DATE) FROM " + table);
        }
    }

    /**
     * The file of each model table, by table name; files of a recognised public shape go to {@code shaped}. A file
     * named after a table that cannot be read is fatal: leaving the table out would quietly make a smaller report.
     * Any other file is listed as not loaded by its name and column count, never by its content.
     */
    private static Map<String, Path> tableFiles(Path dataDir, DataModel model, Path scratchDir, List<Problem> problems,
                                                List<ShapeMatch> shaped) {
        List<Shape> shapes = Shape.standard();
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, String> fileNames = new LinkedHashMap<>();
        for (DataFolder.Entry entry : DataFolder.entries(dataDir)) {
            String name = entry.name();
            Optional<String> table = tableName(name).filter(t -> model.table(t).isPresent());
            if (table.isPresent()) {
                if (entry.refusal().isPresent()) {
                    DataFolder.Refusal refusal = entry.refusal().get();
                    problems.add(Problem.fatal(name, 0, "", refusal.rule(), refusal.reason() + "; " + fix(refusal, table.get())));
                    continue;
                }
                Path previous = files.putIfAbsent(table.get(), entry.path());
                if (previous != null) {
                    problems.add(Problem.fatal(name, 0, "", "duplicate-table",
                            "table " + table.get() + " is already loaded from " + fileNames.get(table.get()) + ": keep one file per table"));
                } else {
                    fileNames.put(table.get(), name);
                }
                continue;
            }
            boolean workbook = XlsxFile.isWorkbook(name) && !XlsxFile.isLockFile(name);
            boolean data = tableName(name).isPresent() || workbook;
            if (entry.refusal().isPresent()) {
                DataFolder.Refusal refusal = entry.refusal().get();
                if (refusal == DataFolder.Refusal.FOLDER) {
                    continue;
                }
                if (data && refusal == DataFolder.Refusal.UNREADABLE) {
                    // It may be one of the public files, which only its header would tell.
                    problems.add(Problem.fatal(name, 0, "", refusal.rule(), refusal.reason() + "; " + fix(refusal, "")));
                } else {
                    problems.add(new Problem(name, 0, "", "", "unknown-file", "was not loaded: it " + refusal.reason(), Severity.NOTE));
                }
                continue;
            }
            if (workbook) {
                for (XlsxFile.Sheet sheet : XlsxFile.read(entry.path(), name, shapes, scratchDir, problems)) {
                    shaped.add(new ShapeMatch(sheet.csv(), "xlsx", sheet.shape(), sheet.header(), sheet.provenance(), 0));
                }
                continue;
            }
            if (XlsxFile.isLockFile(name)) {
                problems.add(new Problem(name, 0, "", "", "unknown-file", "was not loaded: it is the lock file Excel keeps beside a "
                        + "workbook while it is open", Severity.NOTE));
                continue;
            }
            if (name.toLowerCase(Locale.ROOT).endsWith(".xls")) {
                problems.add(new Problem(name, 0, "", "", "unknown-file", "was not loaded: it is an Excel 97-2003 workbook (.xls), "
                        + "which Marquee does not read; save it as Excel Workbook (.xlsx) or as CSV", Severity.NOTE));
                continue;
            }
            List<Problem> headerProblems = new ArrayList<>();
            Optional<List<String>> header = data && !name.toLowerCase(Locale.ROOT).endsWith(".parquet")
                    ? CsvFile.header(entry.path(), name, headerProblems) : Optional.empty();
            if (headerProblems.stream().anyMatch(p -> p.rule().equals("unreadable-header"))) {
                problems.addAll(headerProblems);
                continue;
            }
            Optional<Shape> shape = header.flatMap(h -> shapeOf(h, shapes));
            if (shape.isPresent()) {
                shaped.add(new ShapeMatch(entry.path(), "csv", shape.get(), header.get(), Provenance.of(name, name), 0));
                continue;
            }
            // A report's sheet saved from Excel as CSV keeps its title block above the header.
            Optional<CsvFile.TitledHeader> titled = header.isPresent()
                    ? CsvFile.headerBelowTitle(entry.path(), XlsxFile.HEADER_ROWS, h -> shapeOf(h, shapes).isPresent()) : Optional.empty();
            if (titled.isPresent()) {
                shaped.add(new ShapeMatch(entry.path(), "csv", shapeOf(titled.get().header(), shapes).orElseThrow(), titled.get().header(),
                        Provenance.ofSheet(name, titled.get().titleBlock(), "", name), titled.get().linesBefore()));
                continue;
            }
            // The header is not repeated: a file that is not ours may hold anything, and the Data page is public.
            String content = header.map(h -> " and its header (" + h.size() + (h.size() == 1 ? " column" : " columns")
                    + ") matches no known public file").orElse(headerProblems.isEmpty() ? "" : " and it " + headerProblems.get(0).message());
            problems.add(new Problem(name, 0, "", "", "unknown-file",
                    "was not loaded: its name is not a table of the data model" + content + ". Name it "
                            + "<table>.csv with the columns of docs/data-model.md (tables " + model.tableNames()
                            + "), or give it the header of one of " + shapes.stream().map(Shape::name).toList(), Severity.NOTE));
        }
        return files;
    }

    private static Optional<Shape> shapeOf(List<String> header, List<Shape> shapes) {
        List<String> normalized = header.stream().map(CsvFile::normalize).toList();
        return shapes.stream().filter(s -> s.matches(normalized)).findFirst();
    }

    /** What to do about a file the loader refused to open. */
    private static String fix(DataFolder.Refusal refusal, String table) {
        return switch (refusal) {
            case LINK_OUTSIDE -> "copy the file itself into the data folder, or point --data at the folder that holds it";
            case BROKEN_LINK -> "point the link at a file in the data folder, or remove it";
            case FOLDER, SPECIAL -> "table " + table + " is read from a file of this name: put a regular file there, or rename it";
            case UNREADABLE -> "make it readable by the user who runs Marquee";
        };
    }

    static Optional<String> tableName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String suffix : SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return Optional.of(lower.substring(0, lower.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    private static Path builtIn(String resource, Path scratchDir) {
        try (InputStream in = DataLoader.class.getResourceAsStream("/model/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("model/" + resource + " is missing from the class path");
            }
            Path copy = scratchDir.resolve(resource);
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file's name as problems and the report show it: its name in the data folder (the loader reads no sub-folder),
     * never a path of the build machine.
     */
    static String display(Path file) {
        return file.getFileName().toString();
    }

    /**
     * A file's path as a SQL literal for read_csv and read_parquet, which take it as a glob pattern: a file named
     * {@code [e]nv.csv} would read {@code env.csv}, and {@code *.csv} every file, links out of the folder included. Each
     * pattern character is put in brackets, where it stands for itself.
     */
    static String fileLiteral(Path file) {
        StringBuilder path = new StringBuilder();
        for (char c : file.toAbsolutePath().toString().toCharArray()) {
            path.append(c == '*' || c == '?' || c == '[' ? "[" + c + "]" : String.valueOf(c));
        }
        return quote(path.toString());
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The value of a model column the file does not have. */
    static String nullValue(ColumnSpec column) {
        return "CAST(NULL AS " + column.sqlType() + ")";
    }

    static String firstLine(EngineException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
