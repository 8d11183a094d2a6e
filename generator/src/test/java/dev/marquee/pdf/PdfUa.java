package dev.marquee.pdf;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * veraPDF's PDF/UA-1 profile run on a PDF, offline and in-process: the rules that fail, each with how many checks
 * failed. Tests only.
 */
public final class PdfUa {

    /** A failed rule: its clause of ISO 14289-1 and test number in veraPDF's profile, what it asks, and how often it failed. */
    public record Failure(String clause, int test, String description, int count) {
        String id() {
            return clause + "-" + test;
        }

        @Override
        public String toString() {
            return id() + " ×" + count + ": " + description;
        }
    }

    private static boolean initialised;

    private PdfUa() {
    }

    /** Prints veraPDF's PDF/UA-1 failures of each PDF named: a measuring tool (scripts/pdf-ua.sh), not a check. */
    public static void main(String[] args) throws Exception {
        for (String pdf : args) {
            List<Failure> failed = failures(Path.of(pdf));
            System.out.println("PDF/UA-1 (veraPDF 1.28.1, " + rules() + " rules): " + failed.size() + " rules fail in " + pdf);
            failed.forEach(f -> System.out.println("  " + f));
            where(Files.readAllBytes(Path.of(pdf))).forEach((page, count) -> System.out.println("    page " + page + ": " + count));
        }
    }

    /** Per page (from 1), how many checks failed there: where to look. */
    static synchronized Map<Integer, Integer> where(byte[] pdf) throws Exception {
        failures(pdf);
        try (InputStream in = new ByteArrayInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFUA_1)) {
            // Every failed check, not the first 100 of each rule.
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, 100_000, false, false, false);
            Map<Integer, Integer> pages = new java.util.TreeMap<>();
            java.util.regex.Pattern page = java.util.regex.Pattern.compile("pages\\[(\\d+)\\]");
            for (var assertion : validator.validate(parser).getTestAssertions()) {
                if (assertion.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.FAILED) {
                    continue;
                }
                java.util.regex.Matcher m = page.matcher(assertion.getLocation().getContext());
                pages.merge(m.find() ? Integer.parseInt(m.group(1)) + 1 : 0, 1, Integer::sum);
            }
            return pages;
        }
    }

    public static synchronized List<Failure> failures(Path pdf) throws Exception {
        return failures(Files.readAllBytes(pdf));
    }

    static synchronized List<Failure> failures(byte[] pdf) throws Exception {
        if (!initialised) {
            VeraGreenfieldFoundryProvider.initialise();
            initialised = true;
        }
        try (InputStream in = new ByteArrayInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFUA_1)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false);
            ValidationResult result = validator.validate(parser);
            List<Failure> failures = new ArrayList<>();
            for (Map.Entry<RuleId, Integer> failed : result.getFailedChecks().entrySet()) {
                Rule rule = result.getValidationProfile().getRuleByRuleId(failed.getKey());
                failures.add(new Failure(failed.getKey().getClause(), failed.getKey().getTestNumber(),
                        rule == null ? "" : rule.getDescription().strip(), failed.getValue()));
            }
            failures.sort(Comparator.comparing(Failure::clause).thenComparingInt(Failure::test));
            return failures;
        }
    }

    /** How many rules the profile has: the denominator of "n rules fail". */
    static int rules() {
        if (!initialised) {
            VeraGreenfieldFoundryProvider.initialise();
            initialised = true;
        }
        return org.verapdf.pdfa.validation.profiles.Profiles.getVeraProfileDirectory().getValidationProfileByFlavour(PDFAFlavour.PDFUA_1)
                .getRules().size();
    }
}
