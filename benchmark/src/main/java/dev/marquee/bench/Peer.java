package dev.marquee.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The peer the report is compared with: the pandas + matplotlib script a data analyst would write instead
 * ({@code scripts/peer/peer.py}), run with the virtual environment {@code scripts/peer.sh} installs into
 * {@code bench/peer-venv}. Installing happens once, before any run and outside the timings; each timed run is the
 * environment's Python on the script, measured as the report's runs are: wall time from launch to exit by the
 * benchmark, CPU and peak resident memory (VmHWM) from the summary line the script prints in the report's format.
 */
final class Peer {

    static final String LAUNCHER = "scripts/peer.sh";
    static final String SCRIPT = "scripts/peer/peer.py";
    static final String VENV_PYTHON = "bench/peer-venv/bin/python";

    private final Path root;
    private final String versions;

    private Peer(Path root, String versions) {
        this.root = root;
        this.versions = versions;
    }

    /** The peer installed and ready, or why it cannot be run (the benchmark then goes on without it). */
    static Result prepare(Path root) {
        Path launcher = root.resolve(LAUNCHER);
        if (!Files.isExecutable(launcher)) {
            return new Result(Optional.empty(), LAUNCHER + " is missing or not executable");
        }
        ChildJvm.Run setup = ChildJvm.execute(List.of(launcher.toString(), "--setup"), root, Map.of());
        if (setup.exitCode() != 0) {
            return new Result(Optional.empty(), LAUNCHER + " --setup failed (exit " + setup.exitCode() + "): "
                    + String.join(" ", setup.output()).strip());
        }
        ChildJvm.Run versions = ChildJvm.execute(List.of(root.resolve(VENV_PYTHON).toString(), root.resolve(SCRIPT).toString(),
                "--versions"), root, Map.of());
        if (versions.exitCode() != 0 || versions.output().isEmpty()) {
            return new Result(Optional.empty(), "the peer's Python does not start: " + String.join(" ", versions.output()).strip());
        }
        return new Result(Optional.of(new Peer(root, versions.output().get(versions.output().size() - 1).strip())), "");
    }

    /** The prepared peer, or the reason there is none. */
    record Result(Optional<Peer> peer, String whyNot) {
    }

    /** One timed run on a folder of {@code <table>.csv.gz} files, writing its page, charts and PDF into {@code out}. */
    ChildJvm.Run run(Path data, Path out) {
        return ChildJvm.execute(List.of(root.resolve(VENV_PYTHON).toString(), root.resolve(SCRIPT).toString(),
                "--data", data.toAbsolutePath().toString(), "--out", out.toAbsolutePath().toString()), root, Map.of());
    }

    /** For the results: what the peer is and what it reads. */
    String describe() {
        return "`" + SCRIPT + "` (pandas + matplotlib, what an analyst would write instead: the core questions, a chart each, "
                + "index.html and a PDF) on " + versions + ", in `bench/peer-venv`; it reads the CSV.gz tables in every row "
                + "(the benchmark generates CSV.gz and converts it to Parquet with DuckDB; pandas reads no Parquet without "
                + "pyarrow, which Debian 12 does not package), after the report's runs, as many runs as the report had";
    }
}
