package dev.marquee.publish;

import java.nio.charset.StandardCharsets;

/** Where the report is written. All writing goes through here, so a failed run never leaves half a site. */
public interface Output {

    /** Writes a file at a '/'-separated path relative to the site root. */
    void write(String path, byte[] content);

    default void write(String path, String text) {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
