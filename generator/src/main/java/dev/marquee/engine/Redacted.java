package dev.marquee.engine;

/**
 * A driver's exception with the credentials of a URL hidden in its message and in its causes' messages, kept as the
 * cause of an {@link EngineException} so that {@code --verbose} still shows where it came from.
 */
final class Redacted extends Exception {
    private static final long serialVersionUID = 1L;

    private Redacted(String message, Throwable cause) {
        super(message, cause);
    }

    static Redacted copy(Throwable original, String url) {
        Throwable cause = original.getCause() == null || original.getCause() == original ? null : copy(original.getCause(), url);
        String message = original.getMessage() == null ? "" : ": " + EngineUrl.redactedIn(original.getMessage(), url);
        Redacted copy = new Redacted(original.getClass().getName() + message, cause);
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
