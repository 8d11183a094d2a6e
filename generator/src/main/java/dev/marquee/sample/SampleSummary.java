package dev.marquee.sample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rows written per file name (header not counted), in the order the files are listed. */
public record SampleSummary(Map<String, Long> rowsPerFile) {

    public SampleSummary {
        rowsPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFile));
    }

    public long rows(String fileName) {
        Long rows = rowsPerFile.get(fileName);
        if (rows == null) {
            throw new IllegalArgumentException("no file " + fileName + " in " + rowsPerFile.keySet());
        }
        return rows;
    }
}
