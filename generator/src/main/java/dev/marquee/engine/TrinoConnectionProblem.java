package dev.marquee.engine;

import java.util.Locale;

/** Turns the Trino driver's connection failures into one sentence: which server, what went wrong, what to change. */
final class TrinoConnectionProblem {

    private static final String CREDENTIALS = TrinoEngine.USER_VARIABLE + " and " + TrinoEngine.PASSWORD_VARIABLE;

    private TrinoConnectionProblem() {
    }

    /**
     * The URL is shown with its credentials hidden ({@link EngineUrl}), and neither the user name nor the password of
     * the environment is repeated: a message may end up in a CI log.
     */
    static String explain(String url, boolean withPassword, Exception e) {
        String message = EngineUrl.redactedIn(firstLine(e.getMessage() == null ? e.toString() : e.getMessage()), url);
        String lower = message.toLowerCase(Locale.ROOT);
        String server = "the Trino server at " + EngineUrl.redacted(url);
        // The driver's wording for HTTP 401; the server does not say whether the user or the password was wrong.
        if (lower.contains("authentication failed")) {
            return withPassword
                    ? server + " refused the user name and password: set " + CREDENTIALS + " to an account on that server"
                    : server + " asks for a user name and password: set " + CREDENTIALS;
        }
        if (lower.contains("tls/ssl is required")) {
            return "a password is sent to " + server + " only over TLS: add SSL=true to the --engine URL, or unset "
                    + TrinoEngine.PASSWORD_VARIABLE + " if the server needs none";
        }
        if (lower.contains("pkix path") || lower.contains("certification path")) {
            return server + " presented a certificate this machine does not trust: add SSLTrustStorePath=FILE (the "
                    + "server's certificate, or a trust store holding its issuer) to the --engine URL";
        }
        if (lower.contains("javax.net.ssl")) {
            return "the TLS handshake with " + server + " failed: " + message + " (is SSL=true right for this port, "
                    + "and does the certificate name this host?)";
        }
        if (lower.contains("connection refused") || lower.contains("failed to connect") || lower.contains("unknownhost")
                || lower.contains("timeout") || lower.contains("error executing query")) {
            return "cannot reach " + server + ": " + message + " (is it running, and is the host and port right?)";
        }
        return "Trino at " + EngineUrl.redacted(url) + ": " + message;
    }

    /**
     * A user name or password in the URL would clash with the ones from the environment, and the Trino driver ignores
     * one before the host without a word; both are refused before anything connects.
     */
    static void rejectCredentialsIn(String url) {
        String instead = ": put the user name and password in " + CREDENTIALS + " instead (the URL was "
                + EngineUrl.redacted(url) + ")";
        if (EngineUrl.hasUserInfo(url)) {
            throw new EngineException("the --engine URL must not hold a user name or password before the host" + instead, null);
        }
        int query = url.indexOf('?');
        int semicolon = url.indexOf(';');
        int parameters = query < 0 ? semicolon : semicolon < 0 ? query : Math.min(query, semicolon);
        if (parameters < 0) {
            return;
        }
        for (String parameter : url.substring(parameters + 1).split("[&;?]")) {
            String name = parameter.split("=", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (name.equals("user") || name.equals("password")) {
                throw new EngineException("the --engine URL must not hold the " + name + instead, null);
            }
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
