package dev.marquee.layer;

import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The layer tables one run builds in a scratch schema of a remote engine ({@code --scratch-schema}), named
 * {@code marquee_<run>_<table>} with 12 random hex digits for the run: whatever has one of these names, this run made,
 * so dropping them can never drop a table of the user's. {@link #drop} drops them once, at the end of the run; a JVM
 * stopped by SIGTERM or Ctrl-C drops them in a shutdown hook while its connection is still open; {@code kill -9} runs no
 * hook, and the tables it leaves say by their names which run made them.
 */
final class ScratchTables {

    private static final Set<ScratchTables> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(ScratchTables::drop), "marquee-scratch-tables"));
    }

    private final Engine engine;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Consumer<String> notes;
    private boolean dropped;

    /**
     * @param tables the layer tables, by name
     * @param notes  told of a table that could not be dropped, so the user can drop it by hand
     */
    ScratchTables(Engine engine, String schema, List<String> tables, Consumer<String> notes) {
        this.engine = engine;
        this.notes = notes;
        byte[] run = new byte[6];
        new SecureRandom().nextBytes(run);
        String prefix = schema + ".marquee_" + HexFormat.of().formatHex(run) + "_";
        tables.forEach(table -> names.put(table, prefix + table));
        OPEN.add(this);
    }

    /** Each layer table's name in the scratch schema, qualified by catalog and schema. */
    Map<String, String> names() {
        return names;
    }

    /** Drops every table of the run that exists (a table whose build failed or never started does not). */
    synchronized void drop() {
        if (dropped) {
            return;
        }
        dropped = true;
        OPEN.remove(this);
        for (String name : names.values()) {
            try {
                engine.execute("DROP TABLE IF EXISTS " + name);
            } catch (EngineException e) {
                notes.accept("the layer table " + name + " could not be dropped (" + Layer.firstLine(e.getMessage())
                        + "); drop it by hand");
            }
        }
    }
}
