package dev.marquee.validate;

import dev.marquee.engine.DuckDbEngine;
import dev.marquee.model.DataModel;
import dev.marquee.model.TableSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A repeated key's rows are counted per key before anything is set aside (each key's rows less one), and the rows set
 * aside are those its condition numbers after the first in a window: both must give the same number, NULL keys
 * included, or a table with duplicates could be passed over as clean.
 */
class DuplicateKeyRuleTest {

    @TempDir
    Path temp;

    @Test
    void countingStatement_givesTheRowsTheConditionSetsAside_oneColumnAndTwo() {
        TableSpec payments = DataModel.standard().table("payments").orElseThrow();
        TableSpec byTwoColumns = new TableSpec(payments.name(), payments.description(), List.of("payment_id", "user_id"),
                payments.columns(), payments.builtin(), payments.personal());
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "1GB")) {
            engine.execute("CREATE TABLE payments (payment_id VARCHAR, user_id VARCHAR)");
            // p1 three times (2 after the first), NULL twice (1), p2 once; by both columns: (p1, u1) twice (1),
            // (NULL, u2) twice (1), (NULL, NULL) once.
            engine.execute("INSERT INTO payments VALUES ('p1', 'u1'), ('p1', 'u1'), ('p1', 'u9'), (NULL, 'u2'), (NULL, 'u2'), "
                    + "('p2', 'u3'), (NULL, NULL)");

            assertCountsAgree(engine, Validator.Rule.duplicateKey(payments), 4);
            assertCountsAgree(engine, Validator.Rule.duplicateKey(byTwoColumns), 2);

            engine.execute("DELETE FROM payments WHERE payment_id IS NULL OR user_id = 'u1'");
            assertCountsAgree(engine, Validator.Rule.duplicateKey(payments), 0);
        }
    }

    private static void assertCountsAgree(DuckDbEngine engine, Validator.Rule rule, long expected) {
        long byCondition = ((Number) engine.scalar("SELECT count(*) FROM payments WHERE " + rule.violation())).longValue();
        long counted = ((Number) engine.scalar(rule.counting())).longValue();
        assertEquals(expected, byCondition, rule.violation());
        assertEquals(expected, counted, rule.counting());
    }
}
