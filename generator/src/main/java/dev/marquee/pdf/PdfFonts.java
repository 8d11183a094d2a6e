package dev.marquee.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;

import dev.marquee.chart.Theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fonts the PDF embeds: a Unicode TrueType font for text and the same family for the charts' vector text,
 * found among the machine's fonts (Debian: fonts-dejavu-core).
 */
final class PdfFonts {

    static final List<Path> FONT_DIRECTORIES = List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"),
            Path.of(System.getProperty("user.home"), ".fonts"));

    final BaseFont regular;
    final BaseFont bold;
    /** Latin and CJK glyphs (WenQuanYi Zen Hei, fonts-wqy-zenhei), when installed; loaded on first use. */
    private final java.util.function.Supplier<Optional<BaseFont>> cjk;
    final FontMapper chartFonts;

    private PdfFonts(BaseFont regular, BaseFont bold, java.util.function.Supplier<Optional<BaseFont>> cjk, FontMapper chartFonts) {
        this.regular = regular;
        this.bold = bold;
        this.cjk = cjk;
        this.chartFonts = chartFonts;
    }

    /**
     * Text in the regular or bold font, falling back to the CJK font for characters they lack, on one line with control
     * characters and bidi controls neutralised (SafeText.line). (OpenPDF's own
     * FontSelector re-reads a bundled fallback font from its jar for every phrase: a third of the PDF's time.)
     */
    com.lowagie.text.Phrase phrase(String value, float size, boolean isBold, java.awt.Color color) {
        String text = dev.marquee.format.SafeText.line(value);
        com.lowagie.text.Font main = new com.lowagie.text.Font(isBold ? bold : regular, size, com.lowagie.text.Font.NORMAL, color);
        if (!Theme.needsCjk(text) || cjk.get().isEmpty()) {
            return new com.lowagie.text.Phrase(new com.lowagie.text.Chunk(text, main));
        }
        com.lowagie.text.Font fallback = new com.lowagie.text.Font(cjk.get().get(), size, com.lowagie.text.Font.NORMAL, color);
        com.lowagie.text.Phrase phrase = new com.lowagie.text.Phrase();
        StringBuilder run = new StringBuilder();
        com.lowagie.text.Font runFont = null;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            com.lowagie.text.Font font = main.getBaseFont().charExists(codePoint) || codePoint == '\n' || codePoint == '\r'
                    ? main : fallback.getBaseFont().charExists(codePoint) ? fallback : null;
            if (font == null) {
                continue;
            }
            if (font != runFont && run.length() > 0) {
                phrase.add(new com.lowagie.text.Chunk(run.toString(), runFont));
                run.setLength(0);
            }
            runFont = font;
            run.appendCodePoint(codePoint);
        }
        if (run.length() > 0) {
            phrase.add(new com.lowagie.text.Chunk(run.toString(), runFont));
        }
        return phrase;
    }

    static PdfFonts load() {
        Path regularFile = find("DejaVuSans.ttf").orElseThrow(() -> new IllegalStateException(
                "the PDF needs the DejaVu Sans font (DejaVuSans.ttf): install it with 'apt-get install fonts-dejavu-core'"));
        Path boldFile = find("DejaVuSans-Bold.ttf").orElse(regularFile);
        BaseFont regular = embedded(regularFile.toString());
        BaseFont bold = embedded(boldFile.toString());
        java.util.function.Supplier<Optional<BaseFont>> cjk = new java.util.function.Supplier<>() {
            private Optional<BaseFont> font;

            @Override
            public synchronized Optional<BaseFont> get() {
                if (font == null) {
                    font = find("wqy-zenhei.ttc").map(file -> embedded(file + ",0"));
                    if (font.isEmpty()) {
                        System.err.println("warning: no CJK font (apt-get install fonts-wqy-zenhei): Korean, Japanese and "
                                + "Chinese text will not print in the PDF");
                    }
                }
                return font;
            }
        };
        return new PdfFonts(regular, bold, cjk, new ChartFontMapper(regular, bold, cjk));
    }

    /**
     * A subset-embedded Unicode font. Not cached, and with a seeded random source, so the subset's name tag
     * (the "ABCDEF+" prefix) is the same on every run and the PDF is byte-identical.
     */
    private static BaseFont embedded(String file) {
        try {
            BaseFont font = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(Path.of(file).getFileName().toString().getBytes(StandardCharsets.UTF_8));
            font.setSecureRandom(seeded);
            // OpenPDF's CIDSet of a subset lists only the glyphs used, where PDF/UA-1 (7.21.4.2) wants every glyph of the
            // font program listed; the CIDSet is optional, so none is written.
            font.setIncludeCidSet(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Chart text is drawn with the same embedded fonts as the rest of the PDF, so each is embedded once. */
    private record ChartFontMapper(BaseFont regular, BaseFont bold, java.util.function.Supplier<Optional<BaseFont>> cjk)
            implements FontMapper {
        @Override
        public BaseFont awtToPdf(java.awt.Font font) {
            if (font.getFamily(java.util.Locale.ROOT).equals(Theme.CJK_FAMILY) && cjk.get().isPresent()) {
                return cjk.get().get();
            }
            return font.isBold() ? bold : regular;
        }

        @Override
        public java.awt.Font pdfToAwt(BaseFont font, int size) {
            return new java.awt.Font(Theme.FONT_FAMILY, font == bold ? java.awt.Font.BOLD : java.awt.Font.PLAIN, size);
        }
    }

    static Optional<Path> find(String fileName) {
        for (Path directory : FONT_DIRECTORIES) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                Optional<Path> found = files.filter(p -> p.getFileName().toString().equals(fileName)).sorted().findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }
}
