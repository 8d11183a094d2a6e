package dev.marquee.questions;

import dev.marquee.Fixtures;
import dev.marquee.Pipeline;
import dev.marquee.config.Config;
import dev.marquee.engine.Table;
import dev.marquee.report.Report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Top titles on a data set big enough for the completion ranking's 50-viewer minimum (the shared fixture has no such
 * title), with every figure computable by hand:
 * <ul>
 *   <li>Alpha (Movie): 60 members, one 30-minute session each, 45 of them completed → 30 hours, 0.75, 60 viewers</li>
 *   <li>Bravo (TV Show): 55 members, two 30-minute sessions each, 99 of the 110 completed → 55 hours, 0.9, 55 viewers</li>
 *   <li>Charlie (Movie): 40 members, one completed 30-minute session each → 20 hours, but under 50 viewers</li>
 * </ul>
 */
class TopTitlesTest {

    private static final String USERS = "user_id,signup_date,country,age,gender,plan";
    private static final String SESSIONS = "user_id,title_id,started_at,minutes_watched,device,completed";
    private static final String TITLES = "title_id,title,type,genres,release_year,maturity_rating,runtime_minutes,seasons,date_added";

    private static Report report;

    @BeforeAll
    static void build() throws Exception {
        List<String> users = new ArrayList<>(List.of(USERS));
        List<String> sessions = new ArrayList<>(List.of(SESSIONS));
        for (int u = 1; u <= 60; u++) {
            users.add(u + ",2024-01-01,Canada,30,Female,Standard");
            sessions.add(u + ",t1,2024-02-01 20:00:00,30.00,TV," + (u <= 45));
            if (u <= 55) {
                sessions.add(u + ",t2,2024-02-02 20:00:00,30.00,TV," + (u <= 44));
                sessions.add(u + ",t2,2024-02-03 20:00:00,30.00,TV,true");
            }
            if (u <= 40) {
                sessions.add(u + ",t3,2024-02-04 20:00:00,30.00,TV,true");
            }
        }
        report = reportOf("marquee-top-titles-", users, sessions, List.of(TITLES,
                "t1,Alpha,Movie,Dramas,2020,PG,30,,2021-01-01",
                "t2,Bravo,TV Show,Comedies,2021,TV-14,,1,2021-01-01",
                "t3,Charlie,Movie,Dramas,2022,PG,30,,2022-01-01"));
    }

    /** The report, as of 31 Mar 2024, of a data folder holding these users, sessions and titles (each with its header). */
    private static Report reportOf(String folder, List<String> users, List<String> sessions, List<String> titles) throws Exception {
        Path data = Files.createDirectories(Fixtures.scratch(folder).resolve("data"));
        Files.write(data.resolve("users.csv"), users);
        Files.write(data.resolve("viewing_sessions.csv"), sessions);
        Files.write(data.resolve("titles.csv"), titles);
        Config config = Config.defaults().withDataDir(data).withOutDir(data.resolveSibling("site"))
                .withQuestionsDir(Fixtures.QUESTIONS).withAsOf(LocalDate.of(2024, 3, 31));
        return new Pipeline(config, new PrintStream(new ByteArrayOutputStream())).build();
    }

    private static Table result(Report built, String statement) {
        return built.sections().stream().filter(s -> s.slug().equals("top-titles")).findFirst().orElseThrow()
                .answer().result(statement);
    }

    private static Table result(String statement) {
        return result(report, statement);
    }

    @Test
    void byHours_allTitlesOfTenOrMoreViewers_mostHoursFirst() {
        assertEquals(List.of(Arrays.asList("Bravo", "TV Show", 55.0, 55L), Arrays.asList("Alpha", "Movie", 30.0, 60L),
                Arrays.asList("Charlie", "Movie", 20.0, 40L)), result("by_hours").rows());
    }

    /**
     * Two titles of one name with the same hours are listed by their ids: Twin t4 (Movie: 40 members, one 30-minute
     * session each → 20 hours) before Twin t5 (TV Show: 20 members, two each → 20 hours), though t5's sessions come
     * first in the file.
     */
    @Test
    void byHours_twoTitlesOfOneNameAndEqualHours_areListedByTheirIds() throws Exception {
        List<String> users = new ArrayList<>(List.of(USERS));
        List<String> sessions = new ArrayList<>(List.of(SESSIONS));
        for (int u = 1; u <= 40; u++) {
            users.add(u + ",2024-01-01,Canada,30,Female,Standard");
            if (u <= 20) {
                sessions.add(u + ",t5,2024-02-01 20:00:00,30.00,TV,true");
                sessions.add(u + ",t5,2024-02-02 20:00:00,30.00,TV,true");
            }
        }
        for (int u = 1; u <= 40; u++) {
            sessions.add(u + ",t4,2024-02-03 20:00:00,30.00,TV,true");
        }
        Report twins = reportOf("marquee-top-titles-twins-", users, sessions, List.of(TITLES,
                "t5,Twin,TV Show,Dramas,2021,TV-14,,1,2021-01-01",
                "t4,Twin,Movie,Dramas,2020,PG,30,,2021-01-01"));

        assertEquals(List.of(Arrays.asList("Twin", "Movie", 20.0, 40L), Arrays.asList("Twin", "TV Show", 20.0, 20L)),
                result(twins, "by_hours").rows());
    }

    @Test
    void byCompletion_titleUnderFiftyViewers_isLeftOut() {
        assertEquals(List.of(Arrays.asList("Bravo", "TV Show", 0.9, 55L), Arrays.asList("Alpha", "Movie", 0.75, 60L)),
                result("by_completion").rows());
    }
}
