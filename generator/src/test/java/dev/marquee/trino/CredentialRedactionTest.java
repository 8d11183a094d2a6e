package dev.marquee.trino;

import dev.marquee.Fixtures;
import dev.marquee.run.ReportException;
import dev.marquee.engine.EngineException;
import dev.marquee.engine.TrinoEngine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Credentials given with --engine or in MARQUEE_TRINO_* are never printed back, whatever goes wrong. No server is
 * needed: nothing listens on 127.0.0.1:9, and credentials before the host are refused before anything connects.
 */
class CredentialRedactionTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:trino://bob:S3CRET@127.0.0.1:9/hive/marquee                               | S3CRET
            jdbc:trino://127.0.0.1:9/hive/marquee?PASSWORD=S3CRET                          | S3CRET
            jdbc:trino://127.0.0.1:9/hive/marquee?accessToken=S3CRET                       | S3CRET
            jdbc:trino://127.0.0.1:9/hive/marquee?SSL=true&accessToken=S3CRET              | S3CRET
            jdbc:trino://127.0.0.1:9/hive/marquee?extraCredentials=k1:S3CRET;k2:S3CRET2    | S3CRET
            jdbc:trino://127.0.0.1:9/hive/marquee?SSL=true&SSLKeyStorePath=/k.jks&SSLKeyStorePassword=S3CRET | S3CRET
            jdbc:trino://127.0.0.1:9/hive/marquee?SSL=true&SSLTrustStorePassword=S3CRET    | S3CRET
            jdbc:trino://127.0.0.1:9/hive/marquee;SSLTrustStorePassword=S3CRET             | S3CRET
            jdbc:postgresql://bob:S3CRET@127.0.0.1:9/hive/marquee?password=S3CRET          | S3CRET
            """)
    void build_urlWithCredentials_failsNamingTheServerButNotTheSecret(String url, String secret) {
        Fixtures.Run run = Fixtures.marquee("build", "--engine", url, "--out", temp.resolve("site").toString(), "--verbose");

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode(), run.err());
        assertFalse((run.out() + run.err()).contains(secret), run.err());
        assertFalse((run.out() + run.err()).contains("bob"), run.err());
        assertTrue(run.err().contains("127.0.0.1:9/hive/marquee"), run.err());
    }

    @Test
    void build_userInfoBeforeTheHost_isRefusedBeforeConnecting() {
        Fixtures.Run run = Fixtures.marquee("build", "--engine", "jdbc:trino://bob:S3CRET@127.0.0.1:9/hive/marquee",
                "--out", temp.resolve("site").toString());

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode());
        assertEquals("marquee: the --engine URL must not hold a user name or password before the host: put the user name "
                + "and password in MARQUEE_TRINO_USER and MARQUEE_TRINO_PASSWORD instead (the URL was "
                + "jdbc:trino://***@127.0.0.1:9/hive/marquee)" + System.lineSeparator(), run.err());
    }

    @Test
    void build_accessTokenWithoutTls_namesTheServerWithTheTokenHidden() {
        Fixtures.Run run = Fixtures.marquee("build", "--engine", "jdbc:trino://127.0.0.1:9/hive/marquee?accessToken=S3CRET",
                "--out", temp.resolve("site").toString());

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode());
        assertEquals("marquee: Trino at jdbc:trino://127.0.0.1:9/hive/marquee?accessToken=***: TLS/SSL required for "
                + "authentication using an access token" + System.lineSeparator(), run.err());
    }

    @Test
    void connect_credentialsFromTheEnvironment_areNotRepeatedInTheMessageOrItsCauses() {
        String user = "alice-the-analyst";
        String password = "correct-horse-S3CRET";

        for (String url : new String[]{"jdbc:trino://127.0.0.1:9/hive/marquee", "jdbc:trino://127.0.0.1:9/hive/marquee?SSL=true"}) {
            EngineException refused = assertThrows(EngineException.class, () -> TrinoEngine.connect(url, user, password));

            assertTrue(refused.getMessage().contains("127.0.0.1:9/hive/marquee"), refused.getMessage());
            for (Throwable t = refused; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(user), t.getMessage());
                assertFalse(String.valueOf(t.getMessage()).contains(password), t.getMessage());
            }
        }
    }
}
