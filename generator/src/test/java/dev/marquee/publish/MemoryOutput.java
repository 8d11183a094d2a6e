package dev.marquee.publish;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** An Output that keeps files in memory: tests only. */
public final class MemoryOutput implements Output {

    private final Map<String, byte[]> files = new TreeMap<>();

    @Override
    public synchronized void write(String path, byte[] content) {
        files.put(path, content.clone());
    }

    public synchronized Map<String, byte[]> files() {
        return Collections.unmodifiableMap(new TreeMap<>(files));
    }
}
