package dev.marquee.outlook;

import dev.marquee.BuiltLayer;
import dev.marquee.Fixtures;
import dev.marquee.engine.Column;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.engine.Engine;
import dev.marquee.query.Parameters;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The churn model's devices in the last 90 days, counted as bits of one number for up to 63 device names and the long
 * way beyond. The outlook fixture's members and subscriptions (as of 31 Mar 2024; period 0 is 2 to 31 Mar, period 1
 * 31 Jan to 1 Mar, period 2 1 to 30 Jan), with viewing of two members only:
 * <ul>
 *   <li>member 1: "Device 01" to "Device 65" on 15 Mar (period 0), "Device 61" to "Device 70" on 15 Feb (period 1),
 *   and a session without a device on 20 Mar;</li>
 *   <li>member 2: "Mobile" and "TV" on 15 Jan (period 2).</li>
 * </ul>
 * Sorted, the names are Device 01 to 70, Mobile, TV: the last nine (Device 64 to 70, Mobile, TV) are beyond the 63rd.
 * By hand: scored now (periods 0 to 2) member 1 has 70 devices (01–65 and 61–70), member 2 has 2; at the test
 * snapshot, 1 Mar (periods 1 to 3), member 1 has 10 (61–70) and member 2 has 2; at the training snapshot of 31 Jan
 * (periods 2 to 4) member 1 has none and member 2 has 2; at 1 Jan (periods 3 to 5) neither has any. Every other member
 * has none.
 */
class WindowDevicesTest {

    @TempDir
    Path temp;

    @Test
    void devicesOfTheLast90Days_areCountedExactly_withMoreThan63DeviceNames() throws Exception {
        List<String> rows = featureRows();

        // Each snapshot's devices, largest first, members without any left out.
        Map<String, List<Long>> devices = new TreeMap<>();
        for (String row : rows) {
            String[] cells = row.split("\\|");
            long count = Long.parseLong(cells[2]);
            devices.computeIfAbsent(cells[0] + " " + cells[1], x -> new ArrayList<>());
            if (count > 0) {
                devices.get(cells[0] + " " + cells[1]).add(count);
            }
        }
        devices.values().forEach(list -> list.sort(java.util.Comparator.reverseOrder()));
        assertEquals(Map.of("score 2024-03-31", List.of(70L, 2L), "test 2024-03-01", List.of(10L, 2L),
                "train 2024-01-31", List.of(2L), "train 2024-01-01", List.of()), devices);
    }

    /**
     * Each snapshot's last 30 days, the 30 before and the day last seen come from its own three periods. By hand, with
     * every session 10 minutes: scored now, member 1 has 660 minutes in period 0 (65 on 15 Mar, one on 20 Mar) and 100 in
     * period 1, so 11 hours, a trend of 11 - 1.6667 and 11 days since 20 Mar; member 2's 20 minutes of 15 Jan are in period
     * 2 only, so no hours, no trend and 76 days. At the test snapshot (1 Mar, periods 1 to 3): member 1 has 1.6667 hours,
     * nothing before, last seen 15 Feb (15 days); member 2 has none and 0.3333 before (15 Jan, 46 days). At 31 Jan (periods
     * 2 to 4): member 2 has 0.3333 hours, nothing before, 16 days; member 1 nothing (90 days, the default). At 1 Jan
     * nobody has viewing.
     */
    @Test
    void eachSnapshotsHoursAndLastDay_comeFromItsOwnPeriods() throws Exception {
        withChurnFeatures((engine, features) -> {
            List<List<Object>> rows = engine.query("SELECT scored, held_out, round(tenure_months * 30.4), round(hours_30d, 4), "
                    + "round(hours_trend, 4), days_since_last FROM (" + features + ") AS f "
                    + "WHERE hours_30d <> 0 OR hours_trend <> 0 OR days_since_last <> 90 ORDER BY 1, 2, 3, 4, 5").rows();

            // The tenure, in days from the 1 Jan signup, names the snapshot: 90 is 31 Mar, 60 is 1 Mar, 30 is 31 Jan.
            assertEquals(List.of(
                    List.of(false, false, 30.0, 0.3333, 0.3333, 16L),
                    List.of(false, true, 60.0, 0.0, -0.3333, 46L),
                    List.of(false, true, 60.0, 1.6667, 1.6667, 15L),
                    List.of(true, false, 90.0, 0.0, 0.0, 76L),
                    List.of(true, false, 90.0, 11.0, 9.3333, 11L)), rows);
        });
    }

    /**
     * The model's rows (one per member and snapshot: 11M at a hundred million events) stream to Java; a 128-bit integer
     * column (DuckDB's type for a sum of BIGINTs) would arrive as a BigInteger per row, where a BIGINT is read as a long.
     */
    @Test
    void theModelsRows_haveNo128BitIntegerColumn() throws Exception {
        withChurnFeatures((engine, features) -> {
            List<List<Object>> types = engine.query("SELECT column_name, column_type FROM (DESCRIBE " + features + ")").rows();

            assertEquals(List.of("held_out", "scored", "churned", "tenure_months", "monthly_price", "hours_30d", "hours_trend",
                    "days_since_last", "devices_90d", "failed_payments_90d", "region"), types.stream().map(t -> t.get(0)).toList());
            assertEquals(List.of(), types.stream().filter(t -> String.valueOf(t.get(1)).contains("HUGEINT")).toList());
            assertEquals("BIGINT", types.get(8).get(1), "devices_90d");
        });
    }

    /** The outlook fixture's members, titles, subscriptions and payments, with the viewing described above. */
    private Path givenTheFixtureWithViewing() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        for (String file : List.of("users.csv", "titles.csv", "subscriptions.csv", "payments.csv")) {
            Files.copy(Fixtures.FIXTURES.resolve("outlook").resolve(file), data.resolve(file));
        }
        StringBuilder sessions = new StringBuilder("user_id,title_id,started_at,minutes_watched,device,completed\n");
        for (int d = 1; d <= 65; d++) {
            sessions.append(String.format("1,a,2024-03-15 20:00:00,10,Device %02d,true%n", d));
        }
        for (int d = 61; d <= 70; d++) {
            sessions.append(String.format("1,b,2024-02-15 20:00:00,10,Device %02d,true%n", d));
        }
        sessions.append("1,c,2024-03-20 20:00:00,10,,true\n");
        sessions.append("2,a,2024-01-15 20:00:00,10,Mobile,true\n2,b,2024-01-15 21:00:00,10,TV,true\n");
        Files.writeString(data.resolve("viewing_sessions.csv"), sessions);
        return data;
    }

    /** What a test does with the fixture's layer, as of 31 Mar 2024, and the churn model's statement bound to it. */
    private interface FeaturesUse {
        void on(DuckDbEngine engine, String features) throws Exception;
    }

    private void withChurnFeatures(FeaturesUse use) throws Exception {
        Path data = givenTheFixtureWithViewing();
        Path scratch = Files.createDirectories(temp.resolve("scratch"));
        try (DuckDbEngine engine = DuckDbEngine.inMemory(scratch, "1GB")) {
            use.on(engine, BuiltLayer.of(engine, data, new Parameters(LocalDate.of(2024, 3, 31), 2, Parameters.DEFAULT_AT_RISK_DAYS),
                    scratch).statement("outlook", "churn_features"));
        }
    }

    /** The churn model statement's split, snapshot day (from the tenure) and devices, per row. */
    private List<String> featureRows() throws Exception {
        List<String> rows = new ArrayList<>();
        withChurnFeatures((engine, features) -> {
            // The snapshot is not a column; every member signed up on 1 Jan 2024, so its tenure gives the day back.
            engine.stream(features, new Engine.RowHandler() {
                private int heldOut;
                private int scored;
                private int devices;
                private final List<String> names = new ArrayList<>();

                @Override
                public void columns(List<Column> columns) {
                    columns.forEach(c -> names.add(c.name()));
                    heldOut = names.indexOf("held_out");
                    scored = names.indexOf("scored");
                    devices = names.indexOf("devices_90d");
                }

                @Override
                public void row(Object[] values) {
                    String split = Boolean.TRUE.equals(values[scored]) ? "score" : Boolean.TRUE.equals(values[heldOut]) ? "test" : "train";
                    rows.add(split + "|" + snapshot(values) + "|" + values[devices]);
                }

                private String snapshot(Object[] values) {
                    // Tenure in months from the 1 Jan 2024 signup gives the snapshot's day back.
                    double tenure = ((Number) values[names.indexOf("tenure_months")]).doubleValue();
                    return LocalDate.of(2024, 1, 1).plusDays(Math.round(tenure * 30.4)).toString();
                }
            });
        });
        return rows;
    }
}
