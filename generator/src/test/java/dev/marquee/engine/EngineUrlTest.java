package dev.marquee.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credentials in an engine URL never reach a message: host, port, catalog, schema and other settings stay. */
class EngineUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:trino://bob:PW@trino.example.com:443/hive/marquee | jdbc:trino://***@trino.example.com:443/hive/marquee
            jdbc:trino://bob@trino.example.com/hive/marquee        | jdbc:trino://***@trino.example.com/hive/marquee
            jdbc:trino://bob:p@ss/w=rd@h:8080/hive/x?SSL=true      | jdbc:trino://***@h:8080/hive/x?SSL=true
            jdbc:trino://bob:PW@[::1]:8080/hive                    | jdbc:trino://***@[::1]:8080/hive
            jdbc:trino://h:8080/hive/x?PASSWORD=hunter2            | jdbc:trino://h:8080/hive/x?PASSWORD=***
            jdbc:trino://h:8080/hive/x?password=a&b=c              | jdbc:trino://h:8080/hive/x?password=***&b=c
            jdbc:trino://h:8080/hive/x?User=bob&sessionUser=ann    | jdbc:trino://h:8080/hive/x?User=***&sessionUser=ann
            jdbc:trino://h:8080/hive/x?SSL=true&accessToken=eyJ.x  | jdbc:trino://h:8080/hive/x?SSL=true&accessToken=***
            jdbc:trino://h:8080/hive/x?extraCredentials=k1:v1;k2:v2&SSL=true | jdbc:trino://h:8080/hive/x?extraCredentials=***;***&SSL=true
            jdbc:trino://h:8080/hive/x?SSL=true&SSLKeyStorePath=/k.jks&SSLKeyStorePassword=ksp | jdbc:trino://h:8080/hive/x?SSL=true&SSLKeyStorePath=***&SSLKeyStorePassword=***
            jdbc:trino://h:8080/hive/x;SSLTrustStorePassword=tsp   | jdbc:trino://h:8080/hive/x;SSLTrustStorePassword=***
            jdbc:trino://h:8080/hive/x?clientSecret=s&Pass%77ord=p | jdbc:trino://h:8080/hive/x?clientSecret=***&Pass%77ord=***
            jdbc:trino://h:8080/hive/x?password=a?b=c              | jdbc:trino://h:8080/hive/x?password=***
            jdbc:trino://h:8080/hive/x?SSL=true&SSLTrustStorePath=/etc/t.pem | jdbc:trino://h:8080/hive/x?SSL=true&SSLTrustStorePath=/etc/t.pem
            jdbc:postgresql://u:p@db/x?sslpassword=q               | jdbc:postgresql://***@db/x?sslpassword=***
            """)
    void redacted_hidesUserInfoAndSecretParameters(String url, String expected) {
        assertEquals(expected, EngineUrl.redacted(url));
    }

    @Test
    void redacted_atInALaterParameter_hidesTooMuchRatherThanTooLittle() {
        String url = "jdbc:trino://bob:p=w@h:8080/hive?SSLTrustStorePath=/a@b/t.pem";

        String shown = EngineUrl.redacted(url);

        assertFalse(shown.contains("bob") || shown.contains("p=w"), shown);
    }

    @Test
    void hasUserInfo_onlyForCredentialsBeforeTheHost() {
        assertTrue(EngineUrl.hasUserInfo("jdbc:trino://bob:PW@h:8080/hive"));
        assertFalse(EngineUrl.hasUserInfo("jdbc:trino://h:8080/hive?SSLTrustStorePath=/a@b/t.pem&SSL=true"));
        assertFalse(EngineUrl.hasUserInfo("jdbc:trino://h:8080/hive"));
    }

    @Test
    void redactedIn_aDriverMessageQuotingTheUrlOrAnotherOne() {
        String url = "jdbc:trino://h:8080/hive?SSL=true&accessToken=tok123";
        String message = "Invalid URL " + url + "; retried http://bob:pw@h:8080/v1/statement?token=abc";

        assertEquals("Invalid URL jdbc:trino://h:8080/hive?SSL=true&accessToken=***; retried http://***@h:8080/v1/statement?token=***",
                EngineUrl.redactedIn(message, url));
    }
}
