package dev.marquee.slice;

import dev.marquee.publish.MemoryOutput;
import dev.marquee.publish.Output;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A slice's site is written through the whole site's output, under its folder, and never outside it. */
class SubFolderOutputTest {

    @Test
    void under_writesBelowTheFolder() {
        MemoryOutput site = new MemoryOutput();

        site.under("slices/europe").write("index.html", "x");

        assertEquals(Set.of("slices/europe/index.html"), site.files().keySet());
    }

    @Test
    void under_aFolderThatLeavesTheSite_isRefused() {
        Output site = new MemoryOutput();

        for (String folder : new String[] {"../x", "/tmp", "slices/../..", "slices//x", "Slices", "", "a\\b"}) {
            assertThrows(IllegalArgumentException.class, () -> site.under(folder), folder);
        }
    }
}
