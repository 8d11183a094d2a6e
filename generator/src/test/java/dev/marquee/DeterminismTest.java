package dev.marquee;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The committed sample data, built twice with the same as-of date, gives the same bytes in every file. */
class DeterminismTest {

    @TempDir
    Path temp;

    @Test
    void build_defaultDataTwice_isByteIdentical() {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");

        Fixtures.Run a = Fixtures.marquee("build", "--data", "data", "--out", first.toString(), "--as-of", "2024-12-31");
        Fixtures.Run b = Fixtures.marquee("build", "--data", "data", "--out", second.toString(), "--as-of", "2024-12-31");

        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        Map<String, byte[]> one = Fixtures.tree(first);
        Map<String, byte[]> two = Fixtures.tree(second);
        assertEquals(one.keySet(), two.keySet());
        one.forEach((name, bytes) -> assertArrayEquals(bytes, two.get(name), name + " differs between two runs"));
    }
}
