package dev.marquee.format;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Text from data, neutralised for each place it is shown. */
class SafeTextTest {

    @Test
    void text_ordinaryText_isReturnedAsItIs() {
        String title = "Amélie — 天気の子 (2019) & \"friends\"\tin two\nlines";

        assertSame(title, SafeText.text(title));
    }

    @Test
    void text_rightToLeftOverride_becomesAVisibleReplacement() {
        assertEquals("Evil\uFFFDgnp.exe", SafeText.text("Evil\u202Egnp.exe"));
    }

    @Test
    void text_everyBidiControl_isReplaced() {
        String controls = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

        assertEquals("\uFFFD".repeat(controls.length()), SafeText.text(controls));
    }

    @Test
    void text_escapeAndC1Controls_areReplaced_tabsAndLineFeedsStay() {
        assertEquals("\uFFFD[31mRed\uFFFD\tx\ny\uFFFD\uFFFD", SafeText.text("\u001B[31mRed\u0000\tx\ny\u0085\u007F"));
    }

    @Test
    void isHidden_everyCharacter_isAControlOrABidiControl() {
        // Printable ASCII is answered before the Unicode tables are asked: every character still gets the rule's answer.
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            boolean control = Character.getType(c) == Character.CONTROL;
            boolean bidi = c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
            assertEquals(control || bidi, SafeText.isHidden((char) c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void text_carriageReturns_becomeLineFeeds() {
        assertEquals("a\nb\nc", SafeText.text("a\r\nb\rc"));
    }

    @Test
    void line_lineBreaksAndTabs_becomeSpaces() {
        assertEquals("Line one Line two x", SafeText.line("Line one\r\nLine two\tx"));
    }

    @Test
    void label_upToTheLimit_isWhole() {
        String title = "t".repeat(SafeText.LABEL_LENGTH);

        assertEquals(title, SafeText.label(title));
    }

    @Test
    void label_longerThanTheLimit_isCutWithAnEllipsis() {
        String label = SafeText.label("Long title ".repeat(100_000));

        assertEquals(SafeText.LABEL_LENGTH, label.length());
        assertEquals("Long title ".repeat(8).substring(0, 79) + "…", label);
    }

    @Test
    void label_cut_neverSplitsASurrogatePair() {
        String label = SafeText.label("😀".repeat(SafeText.LABEL_LENGTH + 5));

        assertEquals("😀".repeat(SafeText.LABEL_LENGTH - 1) + "…", label);
    }

    @Test
    void markdown_linkImageAndPlaceholder_areEscapedCharacterByCharacter() {
        assertEquals("\\[j\\]\\(JaVaScRiPt\\:alert\\(1\\)\\)", SafeText.markdown("[j](JaVaScRiPt:alert(1))"));
        assertEquals("\\!\\[p\\]\\(https\\:\\/\\/evil\\.example\\/t\\.png\\)", SafeText.markdown("![p](https://evil.example/t.png)"));
        assertEquals("\\{\\{ x\\.y \\}\\}", SafeText.markdown("{{ x.y }}"));
    }

    @Test
    void markdown_lineStartsAndHtml_cannotStartABlock() {
        assertEquals("\\# heading \\- item \\<b\\>\\&amp\\;", SafeText.markdown("# heading\n- item\n<b>&amp;"));
    }

    @Test
    void message_lineFeedAndWorkflowCommand_stayOnOneLine() {
        assertEquals("value \"x\\n::error title=x::boom\"", SafeText.message("value \"x\n::error title=x::boom\""));
    }

    @Test
    void message_terminalEscapesAndBidiControls_areSpelledOut() {
        assertEquals("\\u001b[31mred\\u001b[0m \\u202e \\r\\t \\u2028", SafeText.message("\u001B[31mred\u001B[0m \u202E \r\t \u2028"));
    }

    @Test
    void message_appliedTwice_changesNothingMore() {
        String once = SafeText.message("a\nb\u001B");

        assertEquals(once, SafeText.message(once));
    }
}
