package dev.marquee.validate;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import dev.marquee.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The text of every file of a built site as a reader gets it: pages, CSV, JSON and SVG as UTF-8, the PDF as the text
 * of its pages. White space is dropped, so a value the PDF wraps over two lines is still found.
 */
record PublishedText(Map<String, String> files) {

    static PublishedText of(Path site) {
        Map<String, String> files = new TreeMap<>();
        Fixtures.tree(site).forEach((name, bytes) -> files.put(name, squeeze(name.endsWith(".pdf") ? pdfText(bytes)
                : new String(bytes, StandardCharsets.UTF_8))));
        return new PublishedText(files);
    }

    void assertNowhere(String text, String what) {
        String needle = squeeze(text);
        if (needle.isEmpty()) {
            return;
        }
        files.forEach((name, content) -> assertFalse(content.contains(needle), name + " publishes " + what + ": " + text));
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String pdfText(byte[] pdf) {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
