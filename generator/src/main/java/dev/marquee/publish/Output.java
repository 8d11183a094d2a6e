package dev.marquee.publish;

import java.nio.charset.StandardCharsets;

/** Where the report is written. All writing goes through here, so a failed run never leaves half a site. */
public interface Output {

    /** Writes a file at a '/'-separated path relative to the site root. */
    void write(String path, byte[] content);

    default void write(String path, String text) {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same output seen from a sub-folder ({@code slices/europe}): a path written there lands under it. The folder is
     * lower-case letters, digits, '-' and '/' only, so it never leaves the site; writing still goes through this output,
     * with its checks and its staging.
     */
    default Output under(String folder) {
        if (!folder.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
            throw new IllegalArgumentException("not a sub-folder name: " + folder);
        }
        Output whole = this;
        return (path, content) -> whole.write(folder + "/" + path, content);
    }
}
