package dev.marquee.run;

import dev.marquee.format.SafeText;

import java.util.ArrayList;
import java.util.List;

/**
 * The one exception a user sees: a message that names the file, line and fix, and the exit code of the run.
 * Stack traces are printed only with {@code --verbose}.
 */
public class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int DATA_PROBLEM = 2;
    public static final int CONFIG_PROBLEM = 3;
    public static final int QUESTION_PROBLEM = 4;
    public static final int INTERNAL_PROBLEM = 10;

    private final int exitCode;

    /** The message is printed on one line: control characters in it (from data, file names) are spelled out. */
    public ReportException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public ReportException(int exitCode, String message, Throwable cause) {
        super(SafeText.message(message), cause);
        this.exitCode = exitCode;
    }

    /** A message of several lines, each already made safe. */
    private ReportException(int exitCode, List<String> lines) {
        super(String.join(System.lineSeparator(), lines));
        this.exitCode = exitCode;
    }

    /**
     * One message for many problems: a heading and a numbered list, the way a user reads them. Each problem stays on
     * its line whatever its values hold (a line feed and "::error" in a value would start a GitHub Actions command).
     */
    public static ReportException of(int exitCode, String heading, List<?> problems) {
        List<String> lines = new ArrayList<>();
        lines.add(SafeText.message(heading) + " (" + problems.size() + (problems.size() == 1 ? " problem):" : " problems):"));
        int n = 1;
        for (Object problem : problems) {
            lines.add("  " + n++ + ". " + SafeText.message(String.valueOf(problem)));
        }
        return new ReportException(exitCode, lines);
    }

    public int exitCode() {
        return exitCode;
    }
}
