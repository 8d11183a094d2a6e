package dev.marquee.trino;

import dev.marquee.Fixtures;
import dev.marquee.run.ReportException;
import dev.marquee.engine.TrinoEngine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Credentials against a real Trino server with HTTPS and password authentication (scripts/trino-server.sh --secure),
 * through the command line and its environment variables: every refusal is one message naming the server and what to
 * change, with the configuration exit code and no stack trace. Runs when MARQUEE_TRINO_TESTS=1.
 */
class TrinoCredentialsTest {

    private static final String USER = TrinoServer.USER;
    private static final String PASSWORD = TrinoServer.PASSWORD;
    private static final String NL = System.lineSeparator();
    private static Path work;
    private static TrinoServer server;

    @BeforeAll
    static void startServer() throws Exception {
        TrinoServer.assumeEnabled();
        work = Fixtures.scratch("marquee-trino-secure-");
        server = TrinoServer.shared();
    }

    private static String trustedUrl() {
        return server.secureUrl("marquee") + "?SSL=true&SSLTrustStorePath=" + server.certificate();
    }

    private static Fixtures.Run build(String url, Map<String, String> credentials) throws Exception {
        return MarqueeProcess.run(credentials, "build", "--engine", url, "--out", work.resolve("site").toString());
    }

    private static Map<String, String> credentials(String user, String password) {
        return Map.of(TrinoEngine.USER_VARIABLE, user, TrinoEngine.PASSWORD_VARIABLE, password);
    }

    @Test
    void wrongPassword_isRefusedNamingTheServerAndTheVariables() throws Exception {
        Fixtures.Run run = build(trustedUrl(), credentials(USER, "wrong password"));

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode(), run.err());
        assertEquals("marquee: the Trino server at " + trustedUrl() + " refused the user name and password: "
                + "set MARQUEE_TRINO_USER and MARQUEE_TRINO_PASSWORD to an account on that server" + NL, run.err());
    }

    @Test
    void unknownUser_isRefusedTheSameWayWithoutRepeatingTheName() throws Exception {
        Fixtures.Run run = build(trustedUrl(), credentials("nobody", PASSWORD));

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode(), run.err());
        assertEquals("marquee: the Trino server at " + trustedUrl() + " refused the user name and password: "
                + "set MARQUEE_TRINO_USER and MARQUEE_TRINO_PASSWORD to an account on that server" + NL, run.err());
    }

    @Test
    void noPassword_isAskedFor() throws Exception {
        Fixtures.Run run = build(trustedUrl(), Map.of(TrinoEngine.USER_VARIABLE, USER));

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode(), run.err());
        assertEquals("marquee: the Trino server at " + trustedUrl() + " asks for a user name and password: "
                + "set MARQUEE_TRINO_USER and MARQUEE_TRINO_PASSWORD" + NL, run.err());
    }

    @Test
    void rightPassword_getsPastAuthenticationToTheMissingTables() throws Exception {
        // The schema is empty: the run gets as far as looking for the data model's tables.
        Fixtures.Run run = build(trustedUrl(), credentials(USER, PASSWORD));

        assertEquals(ReportException.DATA_PROBLEM, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("marquee: No table of the data model was found"), run.err());
    }

    @Test
    void passwordWithoutTls_isNotSentAndTheUrlNeedsSsl() throws Exception {
        Fixtures.Run run = build(server.secureUrl("marquee"), credentials(USER, PASSWORD));

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode(), run.err());
        assertEquals("marquee: a password is sent to the Trino server at " + server.secureUrl("marquee") + " only over TLS: "
                + "add SSL=true to the --engine URL, or unset MARQUEE_TRINO_PASSWORD if the server needs none" + NL, run.err());
    }

    @Test
    void untrustedCertificate_namesTheTrustStoreSetting() throws Exception {
        String url = server.secureUrl("marquee") + "?SSL=true";

        Fixtures.Run run = build(url, credentials(USER, PASSWORD));

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode(), run.err());
        assertEquals("marquee: the Trino server at " + url + " presented a certificate this machine does not trust: "
                + "add SSLTrustStorePath=FILE (the server's certificate, or a trust store holding its issuer) "
                + "to the --engine URL" + NL, run.err());
    }
}
