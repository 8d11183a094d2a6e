package dev.marquee.bench;

import dev.marquee.engine.DuckDbEngine;
import dev.marquee.model.ColumnSpec;
import dev.marquee.model.DataModel;
import dev.marquee.model.TableSpec;
import dev.marquee.sample.SampleData;
import dev.marquee.sample.SampleOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The input folders the benchmark measures: the sample data at each size as gzipped CSV (written by the sample-data
 * generator) and the same tables as Parquet (converted by DuckDB with the data model's types). A folder is reused
 * when its marker file says it was made with the same options, and regenerated otherwise.
 */
final class SampleSets {

    static final String MARKER = ".benchmark-input";

    private final Path root;
    private final Path projectData;
    private final long seed;
    private final PrintStream log;

    SampleSets(Path root, Path projectData, long seed, PrintStream log) {
        this.root = root;
        this.projectData = projectData;
        this.seed = seed;
        this.log = log;
    }

    /** The folder holding the size's tables in the format ({@code csv.gz} or {@code parquet}), made if needed. */
    Path folder(Size size, String format) {
        Path csv = size.projectData() ? projectData : root.resolve(size.name()).resolve("csv.gz");
        if (!size.projectData()) {
            ensure(csv, "sample-data seed=" + seed + " events=" + size.events(), () -> generate(size, csv));
        }
        if (format.equals("csv.gz")) {
            return csv;
        }
        Path parquet = root.resolve(size.name()).resolve("parquet");
        ensure(parquet, "parquet of " + csv.toAbsolutePath() + (size.projectData() ? "" : " seed=" + seed + " events=" + size.events()),
                () -> convert(csv, parquet));
        return parquet;
    }

    private void ensure(Path folder, String recipe, Runnable make) {
        Path marker = folder.resolve(MARKER);
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(recipe)) {
                return;
            }
            if (!folder.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())) {
                throw new IllegalStateException(folder + " is outside " + root + "; not replacing it");
            }
            deleteFiles(folder);
            Files.createDirectories(folder);
            make.run();
            Files.writeString(marker, recipe + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + folder, e);
        }
    }

    private void generate(Size size, Path folder) {
        log.printf(Locale.ROOT, "generating %,d viewing events into %s ...%n", size.events(), folder);
        long start = System.nanoTime();
        try {
            SampleData.write(folder, SampleOptions.defaults().withSeed(seed).withSessions(size.events()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.printf(Locale.ROOT, "  done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Each {@code <table>.csv.gz} (or {@code .csv}) streamed into {@code <table>.parquet}, typed as the model says. */
    private void convert(Path csvFolder, Path parquetFolder) {
        log.printf(Locale.ROOT, "converting %s to Parquet in %s ...%n", csvFolder, parquetFolder);
        long start = System.nanoTime();
        DataModel model = DataModel.standard();
        Path scratch = parquetFolder.resolve(".duckdb-temp");
        try (DuckDbEngine engine = DuckDbEngine.inMemory(Files.createDirectories(scratch), "2GB")) {
            for (TableSpec table : model.tables()) {
                Path csv = csvFolder.resolve(table.name() + ".csv.gz");
                csv = Files.isRegularFile(csv) ? csv : csvFolder.resolve(table.name() + ".csv");
                if (!Files.isRegularFile(csv)) {
                    continue;
                }
                // Columns by position, named as the model names them ("User ID" is user_id), with the model's types.
                List<String> types = new ArrayList<>();
                for (String header : header(csv)) {
                    String column = header.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
                    String type = table.column(column).map(ColumnSpec::sqlType).orElse("VARCHAR");
                    types.add(quote(column) + ": " + quote(type));
                }
                engine.execute("COPY (SELECT * FROM read_csv(" + quote(csv.toAbsolutePath().toString())
                        + ", header = true, auto_detect = false, columns = {" + String.join(", ", types) + "})) TO "
                        + quote(parquetFolder.resolve(table.name() + ".parquet").toAbsolutePath().toString())
                        + " (FORMAT parquet)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteFiles(scratch);
        }
        log.printf(Locale.ROOT, "  done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static List<String> header(Path csv) throws IOException {
        InputStream raw = Files.newInputStream(csv);
        try (InputStream in = csv.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return List.of(reader.readLine().strip().split(","));
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static long bytes(Path folder) {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every input file once, so the first timed run does not pay for a cold disk cache and the others do not. */
    static void warmCache(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteFiles(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
