package dev.marquee.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import dev.marquee.format.SafeText;
import dev.marquee.present.Changes;
import dev.marquee.present.Page;
import dev.marquee.present.Presentation;
import dev.marquee.publish.Output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The PDF dashboard, a layout of the {@link Presentation}: the cover ({@link PdfCoverPage}), what changed since the last
 * edition ({@link PdfChangesPage}), one page per question ({@link PdfQuestionPage}) and the closing pages on the data
 * ({@link PdfClosingPage}), each page under the running header ({@link HeaderFooter}). This class sets up the document:
 * tagging, metadata, bookmarks. Deterministic: dates and the file id come from the as-of date.
 * Text from data goes in on one line with control characters and bidi controls neutralised (SafeText.line); chart
 * labels are made safe where the chart is built.
 */
public final class PdfReport {

    static final float MARGIN = 36;
    /** The language of the report's text (BCP 47): the catalog's /Lang and the XMP's dc:language. */
    static final String LANGUAGE = "en";

    private PdfReport() {
    }

    /**
     * The fonts a PDF embeds, being read on a background thread (a quarter of the PDF's time) while the data loads.
     * Each PDF needs its own: a font records the glyphs the document uses, for its subset.
     */
    public static final class Fonts {
        private final java.util.concurrent.CompletableFuture<PdfFonts> loading;

        private Fonts(java.util.concurrent.CompletableFuture<PdfFonts> loading) {
            this.loading = loading;
        }

        PdfFonts get() {
            return dev.marquee.run.Background.join(loading);
        }
    }

    public static Fonts loadFonts(dev.marquee.run.Background background) {
        return new Fonts(background.start("pdf-fonts", PdfFonts::load));
    }

    /** The PDF: for a dated edition with a memory, tiles carry their targets and sparkline and a page after the cover says what changed. */
    public static void write(Presentation shown, Output output, String fileName, Fonts fonts) {
        output.write(fileName, bytes(shown, fonts.get()));
    }

    static byte[] bytes(Presentation shown, PdfFonts fonts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), MARGIN, MARGIN, MARGIN + 22, MARGIN + 18);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            writer.setFullCompression();
            // The fastest deflate: the PDF is an eighth larger (300 -> 350 KB on the default data) and written
            // 0.05 s sooner, the PDF being the last stage to end.
            writer.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
            // PDF/UA-1 (docs/pdf-accessibility.md): a tagged file (MarkInfo, a structure tree), its language, and the
            // title in the window's title bar. OpenPDF tags none of the Document API's content: see Tagging.
            writer.setTagged();
            writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(LANGUAGE));
            HeaderFooter pageEvents = new HeaderFooter(shown, fonts);
            writer.setPageEvent(pageEvents);
            LocalDate asOf = shown.report().asOf();
            document.addTitle(shown.title() + ", " + shown.dateline());
            document.addSubject("Streaming analytics dashboard: " + String.join(", ", shown.pages().stream().map(Page::title).toList()));
            document.addAuthor("Marquee");
            document.addCreator("Marquee report generator");
            boolean dated = shown.report().parameters().dated();
            List<String> keywords = new ArrayList<>(List.of("streaming", "analytics", "report"));
            shown.pages().forEach(page -> keywords.add(page.title().toLowerCase(Locale.ROOT)));
            if (dated) {
                keywords.add(asOf.toString());
            }
            document.addKeywords(String.join(", ", keywords));
            document.open();
            fixDates(writer, shown.title(), asOf, dated);
            writer.setXmpMetadata(PdfXmp.packet(SafeText.line(shown.title() + ", " + shown.dateline()),
                    dated ? Optional.of(asOf) : Optional.empty(), LANGUAGE));
            PdfOutline root = writer.getDirectContent().getRootOutline();

            Tagging tags = new Tagging(writer);
            writer.setPageEvent(tags);
            boolean targetsOnCover = PdfCoverPage.targetsOnCover(shown.changes());
            bookmark(writer, root, "Overview");
            PdfCoverPage.write(document, writer, tags, shown, targetsOnCover, fonts);
            if (shown.changes().isPresent()) {
                Changes changes = shown.changes().get();
                if (changes.remembers() && !changes.parts().isEmpty() || !targetsOnCover && !changes.targets().isEmpty()) {
                    document.newPage();
                    bookmark(writer, root, changes.title());
                    PdfChangesPage.write(document, writer, tags, changes, !targetsOnCover, fonts);
                }
            }
            for (Page page : shown.pages()) {
                document.newPage();
                bookmark(writer, root, page.title());
                PdfQuestionPage.write(document, writer, tags, page, shown.minGroupSize(), fonts);
            }
            document.newPage();
            bookmark(writer, root, "Data and definitions");
            PdfClosingPage.write(document, writer, tags, shown, fonts);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void bookmark(PdfWriter writer, PdfOutline root, String title) {
        new PdfOutline(root, PdfAction.gotoLocalPage(writer.getPageNumber(), new PdfDestination(PdfDestination.FIT), writer), title);
    }

    /** Creation and modification dates are the as-of date, and the file id a hash of the report's identity. */
    /**
     * The as-of date as the file's dates, so the same data gives the same bytes; data without any date gives none (its
     * as-of date, 2999-12-31, is no date of the data's).
     */
    private static void fixDates(PdfWriter writer, String title, LocalDate day, boolean dated) {
        if (dated) {
            Calendar asOf = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            asOf.clear();
            asOf.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
            writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(asOf));
            writer.getInfo().put(PdfName.MODDATE, new PdfDate(asOf));
        } else {
            writer.getInfo().remove(PdfName.CREATIONDATE);
            writer.getInfo().remove(PdfName.MODDATE);
        }
        writer.getInfo().put(PdfName.PRODUCER, new PdfString("Marquee (OpenPDF)"));
        String id = HexFormat.of().formatHex(sha256(title + "|" + day), 0, 16);
        writer.getInfo().put(PdfName.FILEID, new PdfLiteral("[<" + id + "><" + id + ">]"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
