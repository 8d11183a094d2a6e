package dev.marquee.questions;

import dev.marquee.questions.PublicSite.Published;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The disclosure rule of docs/SECURITY.md, checked on a published line of groups against the same groups counted from
 * the raw file: what is published is what was counted, no group under k is published, and what is merged or hidden
 * together is itself 0 or at least k (so that the published total cannot give it away).
 */
final class SmallGroups {

    /** Result columns that count members (as PublishedFiguresPrivacyTest names them): each published value is 0 or at least k. */
    static final Pattern MEMBER_COUNT = Pattern.compile("members|viewers|heavy_viewers|signups|cumulative_signups|churned"
            + "|members_with_.*|observed_churners|test_members|test_churners|train_members");

    private SmallGroups() {
    }

    /** A group as counted from a raw file: its members, and the part of them a rate counts (churners; 0 when none). */
    record Group(long members, long part) {

        static Group of(long members) {
            return new Group(members, 0);
        }

        Group plus(Group other) {
            return new Group(members + other.members, part + other.part);
        }

        long rest() {
            return members - part;
        }

        /** Fewer than k members, or a part, or the rest beside a part, of 1 to k − 1. */
        boolean tooSmall(int k) {
            return members < k || (part > 0 && part < k) || (rest() > 0 && rest() < k);
        }

        /** What may be hidden together: nothing, or a group that is not too small. */
        boolean noneOrEnough(int k) {
            return members == 0 || !tooSmall(k);
        }
    }

    /**
     * A line whose small groups are merged into "Other (small groups)". Every row published under its own label is that
     * group as counted, and not too small; Other holds exactly the groups not published under their own label, and is
     * not too small; no group is lost. Returns, for each row, the groups it stands for.
     */
    static Map<Published, Set<String>> assertMerged(String what, List<Published> rows, String label, String members, String part,
                                                    Map<String, Group> truth, int k) {
        Map<Published, Set<String>> stands = new LinkedHashMap<>();
        Set<String> own = new TreeSet<>();
        Published other = null;
        for (Published row : rows) {
            String name = row.text(label);
            if (name.equals(PublicSite.OTHER)) {
                assertTrue(other == null, what + ": two Other rows");
                other = row;
                continue;
            }
            Group group = truth.get(name);
            assertNotNull(group, what + ": " + name + " is published but the file has no such group (" + truth.keySet() + ")");
            assertTrue(own.add(name), what + ": " + name + " is published twice");
            assertFalse(group.tooSmall(k), what + ": " + name + " is published though it is a group under k: " + group);
            assertCounts(what + ", " + name, row, members, part, group);
            stands.put(row, Set.of(name));
        }
        Set<String> merged = new TreeSet<>(truth.keySet());
        merged.removeAll(own);
        for (Map.Entry<String, Group> group : truth.entrySet()) {
            if (group.getValue().tooSmall(k)) {
                assertTrue(merged.contains(group.getKey()), what + ": " + group.getKey() + " " + group.getValue() + " is under k");
            }
        }
        if (merged.isEmpty()) {
            assertTrue(other == null, what + ": an Other row though every group is published: " + other);
            return stands;
        }
        assertNotNull(other, what + ": " + merged + " are neither published nor merged into Other");
        Group sum = sum(truth, merged);
        assertTrue(sum.noneOrEnough(k), what + ": Other holds " + merged + ", a group under k: " + sum);
        assertCounts(what + ", Other " + merged, other, members, part, sum);
        stands.put(other, merged);
        return stands;
    }

    /**
     * A line whose small groups are hidden (their row kept, its figures blank). Every group of the file has its row; a row
     * with figures is that group as counted and not too small; every group under k is hidden; the hidden groups together
     * are none or not too small. Returns, for each row with figures, its group.
     */
    static Map<Published, Set<String>> assertHidden(String what, List<Published> rows, String label, String members, String part,
                                                    Map<String, Group> truth, int k) {
        Map<Published, Set<String>> shown = new LinkedHashMap<>();
        Set<String> hidden = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (Published row : rows) {
            String name = row.text(label);
            Group group = truth.get(name);
            assertNotNull(group, what + ": " + name + " is published but the file has no such group (" + truth.keySet() + ")");
            assertTrue(seen.add(name), what + ": " + name + " is published twice");
            if (row.blank(members)) {
                hidden.add(name);
                continue;
            }
            assertFalse(group.tooSmall(k), what + ": " + name + " is shown though it is a group under k: " + group);
            assertCounts(what + ", " + name, row, members, part, group);
            shown.put(row, Set.of(name));
        }
        assertEquals(truth.keySet(), seen, what + ": the rows are not the file's groups");
        for (Map.Entry<String, Group> group : truth.entrySet()) {
            if (group.getValue().tooSmall(k)) {
                assertTrue(hidden.contains(group.getKey()), what + ": " + group.getKey() + " " + group.getValue() + " is under k");
            }
        }
        Group sum = sum(truth, hidden);
        assertTrue(sum.noneOrEnough(k), what + ": the hidden rows " + hidden + " together are a group under k: " + sum);
        return shown;
    }

    /** No published count of members, nor the members beside a published part, is 1 to k − 1, in any CSV of the site. */
    static void assertNoCountUnderK(PublicSite site) {
        int k = site.k();
        site.everyCsv().forEach((file, rows) -> {
            for (Published row : rows) {
                row.cells().forEach((column, value) -> {
                    if (MEMBER_COUNT.matcher(column).matches() && !value.isBlank()) {
                        double count = Double.parseDouble(value);
                        assertFalse(count > 0 && count < k, file + " publishes " + column + " = " + value + ", under k = " + k + ": " + row);
                    }
                });
                rest(file, row, "members", "churned", k);
                rest(file, row, "members", "observed_churners", k);
                rest(file, row, "test_members", "test_churners", k);
            }
        });
    }

    private static void rest(String file, Published row, String members, String part, int k) {
        if (row.has(members) && row.has(part) && !row.blank(members) && !row.blank(part)) {
            double rest = row.number(members) - row.number(part);
            assertFalse(rest > 0 && rest < k, file + " reveals " + rest + " " + members + " beside " + part + ", under k = " + k + ": " + row);
        }
    }

    private static Group sum(Map<String, Group> truth, Set<String> names) {
        Group sum = new Group(0, 0);
        for (String name : names) {
            sum = sum.plus(truth.get(name));
        }
        return sum;
    }

    private static void assertCounts(String what, Published row, String members, String part, Group group) {
        assertEquals((double) group.members(), row.number(members), what + ": " + members);
        if (part != null) {
            assertEquals((double) group.part(), row.number(part), what + ": " + part);
        }
    }
}
