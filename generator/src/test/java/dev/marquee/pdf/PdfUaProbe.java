package dev.marquee.pdf;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/** Prints veraPDF's PDF/UA-1 failures of the PDF named by -Dpdf (skipped without it): a measuring tool, not a check. */
class PdfUaProbe {
    @Test
    void print() throws Exception {
        String pdf = System.getProperty("pdf");
        org.junit.jupiter.api.Assumptions.assumeTrue(pdf != null, "-Dpdf=<file> names the PDF to measure");
        var failures = PdfUa.failures(Path.of(pdf));
        System.out.println("PDF/UA-1 (veraPDF 1.28.1, " + PdfUa.rules() + " rules): " + failures.size() + " rules fail in " + pdf);
        failures.forEach(f -> System.out.println("  " + f));
    }
}
