package dev.marquee.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class SampleDataTest {

    private static final List<String> FILES = List.of("users.csv.gz", "titles.csv.gz", "viewing_sessions.csv.gz",
            "ratings.csv.gz", "subscriptions.csv.gz", "payments.csv.gz");
    private static final Path TABLES_YAML = Path.of("generator/src/main/resources/model/tables.yaml");
    private static final Path REGIONS_CSV = Path.of("generator/src/main/resources/model/regions.csv");
    private static final Path COMMITTED_DATA = Path.of("data");
    private static final SampleOptions SMALL = SampleOptions.defaults().withSessions(5_000);

    @Test
    void sameSeed_writesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        SampleData.write(first, SMALL);
        SampleData.write(second, SMALL);

        for (String file : FILES) {
            assertEquals(sha256(first.resolve(file)), sha256(second.resolve(file)), file);
        }
    }

    @Test
    void differentSeed_writesDifferentMembersAndViewing(@TempDir Path first, @TempDir Path second)
            throws IOException {
        SampleData.write(first, SMALL);
        SampleData.write(second, SMALL.withSeed(43));

        for (String file : FILES) {
            if (file.equals("titles.csv.gz")) {
                // The catalogue is real data and does not depend on the seed.
                assertEquals(sha256(first.resolve(file)), sha256(second.resolve(file)), file);
            } else {
                assertNotEquals(sha256(first.resolve(file)), sha256(second.resolve(file)), file);
            }
        }
    }

    @Test
    void write_ignoresDefaultLocaleAndTimeZone(@TempDir Path usual, @TempDir Path unusual) throws IOException {
        SampleData.write(usual, SMALL);
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            SampleData.write(unusual, SMALL);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }

        for (String file : FILES) {
            assertEquals(sha256(usual.resolve(file)), sha256(unusual.resolve(file)), file);
        }
    }

    @Test
    void options_rejectAnEndBeforeTheStart() {
        LocalDate start = LocalDate.of(2024, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SampleOptions(1, 10, start, start.minusDays(1)));
        assertEquals("end 2023-12-31 is before start 2024-01-01", e.getMessage());
    }

    /** One run of 5,000 sessions (125 members), loaded into DuckDB with the column types of tables.yaml. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SmallRun {

        Path dir;
        SampleSummary summary;
        Connection db;
        Map<String, TableSpec> model;

        @BeforeAll
        void writeAndLoad(@TempDir Path tempDir) throws IOException, SQLException {
            dir = tempDir;
            summary = SampleData.write(dir, SMALL);
            model = tablesYaml();
            db = load(dir, model);
        }

        @AfterAll
        void close() throws SQLException {
            db.close();
        }

        @Test
        void summary_countsTheRowsOfEachFileInOrder() throws SQLException {
            assertEquals(FILES, List.copyOf(summary.rowsPerFile().keySet()));
            for (String file : FILES) {
                assertEquals(summary.rows(file), number("select count(*) from " + table(file)), file);
            }
            assertEquals(5_000, summary.rows("viewing_sessions.csv.gz"));
            assertEquals(125, summary.rows("users.csv.gz"));
        }

        @Test
        void everyFile_hasTheColumnsOfTablesYamlInOrder() throws IOException {
            for (String file : FILES) {
                List<String> expected = List.copyOf(model.get(table(file)).columns().keySet());
                assertEquals(String.join(",", expected), firstLine(dir.resolve(file)), file);
            }
        }

        @Test
        void everyFile_followsEveryRuleOfTablesYaml() throws SQLException {
            List<String> broken = new ArrayList<>();
            for (String file : FILES) {
                String table = table(file);
                for (Map.Entry<String, Map<String, Object>> column : model.get(table).columns().entrySet()) {
                    for (String check : checks(table, column.getKey(), column.getValue())) {
                        long rows = number("select count(*) from " + table + " where " + check);
                        if (rows > 0) {
                            broken.add(table + ": " + rows + " rows where " + check);
                        }
                    }
                }
                List<String> key = model.get(table).key();
                if (!key.isEmpty()) {
                    String columns = String.join(", ", key);
                    long duplicates = number("select count(*) - count(distinct (" + columns + ")) from " + table);
                    if (duplicates > 0) {
                        broken.add(table + ": " + duplicates + " duplicate keys");
                    }
                }
            }
            assertEquals(List.of(), broken);
        }

        @Test
        void sessions_startInsideOneOfTheMembersSubscriptions() throws SQLException {
            assertEquals(0, number("""
                    select count(*) from viewing_sessions v where not exists (
                      select 1 from subscriptions s where s.user_id = v.user_id
                      and v.started_at::date between s.started_on and coalesce(s.ended_on, DATE '2024-12-31'))"""));
            assertEquals(0, number("""
                    select count(*) from viewing_sessions
                    where started_at < TIMESTAMP '2022-01-01' or started_at >= TIMESTAMP '2025-01-01'"""));
        }

        @Test
        void ratings_fallInsideOneOfTheMembersSubscriptions_oncePerTitle() throws SQLException {
            assertEquals(0, number("""
                    select count(*) from ratings r where not exists (
                      select 1 from subscriptions s where s.user_id = r.user_id
                      and r.rated_at::date between s.started_on and coalesce(s.ended_on, DATE '2024-12-31'))"""));
            assertEquals(0, number("select count(*) - count(distinct (user_id, title_id)) from ratings"));
            long ratings = number("select count(*) from ratings");
            assertTrue(ratings > 5_000 / 12 && ratings < 5_000 / 5, "ratings: " + ratings);
        }

        @Test
        void sessions_startAfterTheTitleWasAdded() throws SQLException {
            assertEquals(0, number("""
                    select count(*) from viewing_sessions v join titles t using (title_id)
                    where v.started_at::date < t.date_added"""));
        }

        @Test
        void sessions_lastAboutTheRuntimeWhenCompleted() throws SQLException {
            assertEquals(0, number("""
                    select count(*) from viewing_sessions v join titles t using (title_id)
                    where (completed and (minutes_watched < 0.9 * runtime_minutes or minutes_watched > runtime_minutes))
                       or (not completed and minutes_watched >= runtime_minutes)"""));
        }

        @Test
        void payments_chargeTheMonthlyPriceWithinASubscription() throws SQLException {
            assertEquals(0, number("""
                    select count(*) from payments p where not exists (
                      select 1 from subscriptions s where s.user_id = p.user_id and s.monthly_price = p.amount
                      and p.paid_on between s.started_on and coalesce(s.ended_on, DATE '2024-12-31'))"""));
            assertTrue(number("select count(*) from payments where status = 'failed'") > 0);
        }

        @Test
        void users_signUpWithTheirFirstSubscription_andShowTheLatestPlan() throws SQLException {
            assertEquals(0, number("""
                    select count(*) from users u join (
                      select user_id, min(started_on) first_day, arg_max(plan, started_on) latest_plan
                      from subscriptions group by user_id) s using (user_id)
                    where u.signup_date <> s.first_day or u.plan <> s.latest_plan"""));
            assertEquals(number("select count(*) from users"),
                    number("select count(distinct user_id) from subscriptions"));
        }

        @Test
        void subscriptions_ofAMember_doNotOverlap() throws SQLException {
            assertEquals(0, number("""
                    select count(*) from subscriptions a join subscriptions b
                      on a.user_id = b.user_id and a.subscription_id < b.subscription_id
                    where a.started_on <= coalesce(b.ended_on, DATE '2024-12-31')
                      and b.started_on <= coalesce(a.ended_on, DATE '2024-12-31')"""));
        }

        @Test
        void someCountries_haveFewerThanTenMembers() throws SQLException {
            assertTrue(number("select count(*) from (select country from users group by 1 having count(*) < 10)") > 0);
        }

        @Test
        void everyCountry_isInRegionsCsv() throws SQLException {
            assertEquals(0, number("select count(*) from users where country not in (select country from read_csv('"
                    + REGIONS_CSV + "', header = true))"));
        }

        @Test
        void someMembers_leftAndCameBack() throws SQLException {
            assertTrue(number("""
                    select count(*) from subscriptions a join subscriptions b
                      on a.user_id = b.user_id and b.started_on > a.ended_on""") > 0);
        }

        @Test
        void someMembers_neverWatch() throws SQLException {
            assertTrue(number("select count(*) from users where user_id not in (select user_id from viewing_sessions)")
                    > 0);
        }

        private long number(String sql) throws SQLException {
            return SampleDataTest.number(db, sql);
        }
    }

    /**
     * The default data set (200,000 sessions): the story a report should be able to tell, and the copy committed
     * in data/ must be what the generator writes.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DefaultDataSet {

        Path dir;
        Connection db;

        @BeforeAll
        void writeAndLoad(@TempDir Path tempDir) throws IOException, SQLException {
            dir = tempDir;
            SampleData.write(dir, SampleOptions.defaults());
            db = load(dir, tablesYaml());
            try (Statement statement = db.createStatement()) {
                statement.execute("create table regions as select * from read_csv('" + REGIONS_CSV
                        + "', header = true)");
            }
        }

        @AfterAll
        void close() throws SQLException {
            db.close();
        }

        @Test
        void committedData_isWhatTheGeneratorWrites() throws IOException {
            // After a deliberate change to the generator, scripts/update-sample-data.sh rewrites data/.
            assumeTrue(Files.exists(COMMITTED_DATA.resolve("users.csv.gz")), "no sample data committed in data/");
            for (String file : FILES) {
                // Compared unzipped: another zlib may compress the same rows to other bytes.
                assertEquals(sha256Unzipped(dir.resolve(file)), sha256Unzipped(COMMITTED_DATA.resolve(file)), file);
            }
        }

        @Test
        void latinAmericaChurnsMoreThanNorthAmerica() throws SQLException {
            String churned = """
                    select count(*) filter (where s.ended_on is not null) / count(*) from subscriptions s
                    join users u using (user_id) join regions r using (country) where r.region = '%s'""";
            double latinAmerica = decimal(churned.formatted("Latin America"));
            double northAmerica = decimal(churned.formatted("North America"));
            assertTrue(latinAmerica > 1.4 * northAmerica, latinAmerica + " vs " + northAmerica);
        }

        @Test
        void signupsGrowEachYear_andPeakInWinter() throws SQLException {
            assertTrue(number("select count(*) from users where year(signup_date) = 2024")
                    > 2 * number("select count(*) from users where year(signup_date) = 2022"));
            assertTrue(number("select count(*) from users where month(signup_date) = 1")
                    > 1.4 * number("select count(*) from users where month(signup_date) = 7"));
        }

        @Test
        void documentariesRateHigherThanHorror() throws SQLException {
            String meanScore = """
                    select avg(score) from ratings join titles using (title_id)
                    where list_contains(string_split(genres, '|'), '%s')""";
            double documentaries = decimal(meanScore.formatted("Documentaries"));
            double horror = decimal(meanScore.formatted("Horror Movies"));
            assertTrue(documentaries > horror + 0.4, documentaries + " vs " + horror);
        }

        @Test
        void moviesAreCompletedMoreOftenThanEpisodes() throws SQLException {
            String completion = """
                    select avg(completed::int) from viewing_sessions join titles using (title_id)
                    where type = '%s'""";
            assertTrue(decimal(completion.formatted("Movie")) > decimal(completion.formatted("TV Show")) + 0.08);
        }

        @Test
        void indiaWatchesOnMobile_theUnitedStatesOnTv() throws SQLException {
            String share = """
                    select avg((device = '%s')::int) from viewing_sessions join users using (user_id)
                    where country = '%s'""";
            assertTrue(decimal(share.formatted("Mobile", "India")) > 0.45);
            assertTrue(decimal(share.formatted("TV", "United States")) > 0.4);
            assertTrue(decimal(share.formatted("TV", "India")) < 0.2);
        }

        @Test
        void paymentsFailMostInTheLastMonthBeforeLeaving() throws SQLException {
            String failures = """
                    select avg((status = 'failed')::int) from payments p join subscriptions s
                      on p.user_id = s.user_id and p.paid_on between s.started_on and s.ended_on
                    where p.paid_on %s s.ended_on - interval 1 month""";
            assertTrue(decimal(failures.formatted(">")) > 5 * decimal(failures.formatted("<=")));
        }

        @Test
        void aFewHeavyWatchersWatchFarMoreThanTheMedian() throws SQLException {
            String hours = "select quantile_cont(watched, %s) from (select sum(minutes_watched) / 60 as watched"
                    + " from viewing_sessions group by user_id)";
            assertTrue(decimal(hours.formatted("0.99")) > 10 * decimal(hours.formatted("0.5")));
        }

        @Test
        void membersWatchMoreInWinterThanInSummer() throws SQLException {
            // Sessions per member-day with a subscription, northern hemisphere, December-January vs June-July.
            String perMemberDay = """
                    with days as (select unnest(generate_series(DATE '2022-01-01', DATE '2024-12-31', interval 1 day))::date d),
                    north as (select user_id from users where country not in
                      ('Brazil', 'Argentina', 'Chile', 'Australia', 'New Zealand', 'South Africa')),
                    active as (select month(d) m, count(*) n from days join subscriptions s
                      on d between s.started_on and coalesce(s.ended_on, DATE '2024-12-31')
                      where s.user_id in (select user_id from north) group by 1),
                    watched as (select month(started_at) m, count(*) n from viewing_sessions
                      where user_id in (select user_id from north) group by 1)
                    select sum(w.n) / sum(a.n) from watched w join active a using (m) where m in (%s)""";
            assertTrue(decimal(perMemberDay.formatted("12, 1")) > 1.2 * decimal(perMemberDay.formatted("6, 7")));
        }

        private long number(String sql) throws SQLException {
            return SampleDataTest.number(db, sql);
        }

        private double decimal(String sql) throws SQLException {
            try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getDouble(1);
            }
        }
    }

    // --- reading the files back

    private static String table(String file) {
        return file.substring(0, file.indexOf('.'));
    }

    /** A table of tables.yaml: its key columns and each column's rules (type, required, min, max...). */
    private record TableSpec(List<String> key, Map<String, Map<String, Object>> columns) {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, TableSpec> tablesYaml() throws IOException {
        Map<String, Object> yaml;
        try (Reader in = Files.newBufferedReader(TABLES_YAML, StandardCharsets.UTF_8)) {
            yaml = new Yaml().load(in);
        }
        Map<String, TableSpec> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> table : yaml.entrySet()) {
            Map<String, Object> spec = (Map<String, Object>) table.getValue();
            List<String> key = spec.containsKey("key") ? (List<String>) spec.get("key") : List.of();
            // The sample is one service's data: it leaves out the optional multi-service columns of titles.
            Map<String, Map<String, Object>> columns = new LinkedHashMap<>((Map<String, Map<String, Object>>) spec.get("columns"));
            columns.keySet().removeAll(List.of("platform", "countries", "source"));
            tables.put(table.getKey(), new TableSpec(key, columns));
        }
        return tables;
    }

    /** SQL conditions that select the rows breaking a column's rules. */
    private static List<String> checks(String table, String column, Map<String, Object> rules) {
        List<String> checks = new ArrayList<>();
        if (Boolean.TRUE.equals(rules.get("required"))) {
            checks.add(column + " is null or trim(" + column + "::varchar) = ''");
        }
        if (rules.containsKey("min")) {
            checks.add(column + " < " + rules.get("min"));
        }
        if (rules.containsKey("max")) {
            checks.add(column + " > " + rules.get("max"));
        }
        if (rules.get("allowed") instanceof List<?> allowed) {
            checks.add(column + " not in (" + allowed.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "))
                    + ")");
        }
        if (rules.get("references") instanceof String reference) {
            String[] target = reference.split("\\.");
            checks.add(column + " not in (select " + target[1] + " from " + target[0] + ")");
        }
        if (Boolean.TRUE.equals(rules.get("not_after_as_of"))) {
            checks.add(column + "::date > DATE '" + SMALL.end() + "'");
        }
        return checks;
    }

    /** Loads the six files as tables with exactly the declared types; a cell that does not parse fails the load. */
    private static Connection load(Path dir, Map<String, TableSpec> model) throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:duckdb:");
        for (String file : FILES) {
            String table = table(file);
            String columns = model.get(table).columns().entrySet().stream()
                    .map(c -> "'" + c.getKey() + "': '" + c.getValue().get("type") + "'")
                    .collect(Collectors.joining(", ", "{", "}"));
            try (Statement statement = db.createStatement()) {
                statement.execute("create table " + table + " as select * from read_csv('" + dir.resolve(file)
                        + "', header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
                        + " dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%d %H:%M:%S', columns = " + columns + ")");
            }
        }
        return db;
    }

    private static long number(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(digest().digest(Files.readAllBytes(file)));
    }

    private static String sha256Unzipped(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return HexFormat.of().formatHex(digest().digest(in.readAllBytes()));
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
