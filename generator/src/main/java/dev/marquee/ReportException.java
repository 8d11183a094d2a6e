package dev.marquee;

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

    public ReportException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ReportException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** One message for many problems: a heading and a numbered list, the way a user reads them. */
    public static ReportException of(int exitCode, String heading, List<?> problems) {
        StringBuilder text = new StringBuilder(heading).append(" (").append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        int n = 1;
        for (Object problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(n++).append(". ").append(problem);
        }
        return new ReportException(exitCode, text.toString());
    }

    public int exitCode() {
        return exitCode;
    }
}
