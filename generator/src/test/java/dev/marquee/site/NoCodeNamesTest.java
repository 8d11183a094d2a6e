package dev.marquee.site;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report speaks to its readers, not to the generator's maintainers: no page, SQL comment or PDF page names one of
 * the generator's classes ("see PriceRounding" in the revenue SQL sent readers to a name no page carries).
 */
class NoCodeNamesTest {

    /** The generator's class names made of two words or more ("PriceRounding"; "Layer" is a word a page may use). */
    static List<String> classNames() throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.ROOT.resolve("generator/src/main/java"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .filter(name -> name.matches("[A-Z][a-z0-9]+[A-Z]\\w*")).distinct().sorted().toList();
        }
    }

    @Test
    void noPageOfTheSampleReport_namesAClassOfTheGenerator() throws Exception {
        List<String> names = classNames();
        assertTrue(names.contains("PriceRounding") && names.size() > 50, "the class names are read: " + names.size());
        Path site = Fixtures.sampleSite();
        List<String> found = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        try (Stream<Path> pages = Files.list(site)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String text = Files.readString(page);
                html.append(text);
                found.addAll(named(names, text, page.getFileName().toString()));
            }
        }
        // pdftotext joins a word hyphenated at a line's end: "Holt-" and "Winters" read HoltWinters, a name the pages
        // spell with its hyphen.
        List<String> hyphenatedOnThePages = names.stream()
                .filter(name -> html.indexOf(name.replaceAll("(?<=[a-z])(?=[A-Z])", "-")) >= 0).toList();
        found.addAll(named(names.stream().filter(name -> !hyphenatedOnThePages.contains(name)).toList(),
                Fixtures.poppler("pdftotext", site.resolve("report.pdf")), "report.pdf"));
        assertEquals(List.of(), found);
    }

    /** The names found in the text, each once, in order of first appearance. */
    private static List<String> named(List<String> names, String text, String where) {
        // One pattern for all the names: a pattern per name scanned each page's inline drawings hundreds of times.
        Matcher matcher = Pattern.compile("\\b(?:" + String.join("|", names) + ")\\b").matcher(text);
        Set<String> found = new LinkedHashSet<>();
        while (matcher.find()) {
            found.add(where + ": " + matcher.group());
        }
        return List.copyOf(found);
    }
}
