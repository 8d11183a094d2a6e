package dev.marquee.engine;

/** The engine refused a statement; the message is the engine's own. */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
