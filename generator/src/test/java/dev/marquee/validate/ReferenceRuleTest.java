package dev.marquee.validate;

import dev.marquee.Fixtures;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.load.DataLoader;
import dev.marquee.load.LoadResult;
import dev.marquee.model.DataModel;
import dev.marquee.model.Problem;
import dev.marquee.model.SetAside;
import dev.marquee.run.Background;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reference is counted per value (each value's rows counted, each value looked up once): the rows set aside are
 * still every row of an unknown value, as many as there are, and a blank reference is not one of them.
 */
class ReferenceRuleTest {

    @TempDir
    Path temp;

    @Test
    void unknownValues_setAsideEachOfTheirRows() throws Exception {
        Path data = Fixtures.questionsWithSessions(temp.resolve("data"), """
                9,t1,2024-01-12 20:00:00,10,TV,true
                9,t1,2024-01-13 20:00:00,10,TV,true
                8,t2,2024-01-14 20:00:00,10,TV,true
                9,t99,2024-01-15 20:00:00,10,TV,true
                1,t99,2024-01-16 20:00:00,10,TV,true
                ,t1,2024-01-17 20:00:00,10,TV,true
                """);
        try (DuckDbEngine engine = DuckDbEngine.inMemory(temp, "512MB"); Background background = Background.open()) {
            LoadResult loaded = DataLoader.load(background, data, DataModel.standard(), engine, Files.createDirectories(temp.resolve("scratch")));
            ValidationReport report = Validator.validate(background, engine, loaded, LocalDate.of(2024, 3, 31), 0.9);

            Map<String, Long> setAside = new TreeMap<>();
            for (SetAside aside : report.setAside()) {
                setAside.merge(aside.column() + " " + aside.rule(), aside.rows(), Long::sum);
            }
            // The rules run in order, each on the rows the ones before left: the blank member first, then the members,
            // then the titles of the rows left (1's session of t99).
            assertEquals(Map.of("user_id blank-required", 1L, "user_id unknown-reference", 4L, "title_id unknown-reference", 1L), setAside);
            assertEquals(List.of("line 9 user_id=9", "line 10 user_id=9", "line 11 user_id=8", "line 12 user_id=9", "line 13 title_id=t99"),
                    report.problems().stream().filter(p -> p.rule().equals("unknown-reference")).sorted(java.util.Comparator.comparingLong(Problem::line))
                            .map(p -> "line " + p.line() + " " + p.column() + "=" + p.value()).toList());
            assertEquals(7L, ((Number) engine.scalar("SELECT count(*) FROM viewing_sessions")).longValue());
        }
    }
}
