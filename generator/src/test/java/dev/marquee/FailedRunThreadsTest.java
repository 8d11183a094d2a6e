package dev.marquee;

import dev.marquee.run.Background;
import dev.marquee.run.ReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run that fails part-way ends the work it started on its background before it returns: no thread of it is left
 * running into the next run of the same JVM (the tests build many reports in one).
 */
class FailedRunThreadsTest {

    @TempDir
    Path temp;

    @Test
    void build_aQuestionCannotBeRead_whileTheEngineStarts_leavesNoBackgroundThread() throws IOException {
        Path questions = questionsWith("evil.md", "no front matter\n");
        Set<Thread> before = backgroundThreads();

        Fixtures.Run run = build(questions);

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode(), run.err());
        assertEquals(Set.of(), started(before));
    }

    @Test
    void build_aStatementFailsAsItRuns_whileTheModelsAreFitted_leavesNoBackgroundThread() throws IOException {
        Path questions = questionsWith("evil.sql", "-- name: evil\nSELECT CAST(region AS INTEGER) AS members FROM member\n");
        Files.writeString(questions.resolve("evil.md"), "---\ntitle: Evil\nquestion: Which region is a number?\norder: 99\n"
                + "charts:\n  - id: evil\n    query: evil\n    kind: table\n    title: Evil\n"
                + "privacy:\n  - result: evil\n    members: members\n    small: drop\n---\nNothing.\n");
        Set<Thread> before = backgroundThreads();

        Fixtures.Run run = build(questions);

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode(), run.err());
        assertTrue(run.err().contains("A question failed"), run.err());
        assertEquals(Set.of(), started(before));
    }

    /** questions/ with one more file. */
    private Path questionsWith(String file, String text) throws IOException {
        Path questions = temp.resolve("questions");
        Fixtures.copyTree(Fixtures.QUESTIONS, questions);
        Files.writeString(questions.resolve(file), text);
        return questions;
    }

    private Fixtures.Run build(Path questions) {
        return Fixtures.marquee("build", "--data", Fixtures.FIXTURES.resolve("questions").toString(), "--questions",
                questions.toString(), "--out", temp.resolve("site").toString(), "--as-of", "2024-03-31", "--min-group-size", "2");
    }

    /** The names of the background threads alive now that were not before. */
    private static Set<String> started(Set<Thread> before) {
        Set<Thread> alive = backgroundThreads();
        alive.removeAll(before);
        return alive.stream().map(Thread::getName).collect(Collectors.toSet());
    }

    private static Set<Thread> backgroundThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith(Background.THREAD_PREFIX)).collect(Collectors.toCollection(HashSet::new));
    }
}
