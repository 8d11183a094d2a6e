package dev.marquee.privacy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small group that the hidden sums of several lines give together, though each line's alone holds 0 or k+.
 *
 * <p>A reader who knows each line's total (a country's members, a plan's members across countries) and its published
 * rows knows what each line hides, and so any sum or difference of those. In the sample's plans within countries,
 * Colombia's hidden Standard and Premium members (29) and South Africa's (16), less the Standard members hidden in the
 * two (38: the plan's total less its published countries), gave the two countries' 7 Premium members. Such a
 * combination is a group when it counts each of a set of hidden rows once and no other: its coefficients on the hidden
 * rows are all 0 or 1.
 *
 * <p>The combinations are searched in the span of the lines' hidden rows, one connected set of lines at a time (a
 * group given by lines of two sets splits into one of each, one of them smaller). The span's basis is put in reduced
 * row echelon form, so a combination is fixed by its coefficients on the basis's pivot rows, each 0 or 1; the search
 * stops on a branch as soon as another row's coefficient can no longer end at 0 or 1, or the pivot rows taken already
 * hold k members (the other rows can only add).
 */
final class LineCombinations {

    private static final double EPSILON = 1e-9;
    /**
     * Branches searched per connected set of lines at the most. A search cut short counts as a group found: a table of
     * hundreds of hidden cells in one set (drawn at random, every third cell small) took seconds per search.
     */
    static final long MOST_BRANCHES = 1_000_000;

    /**
     * A group found, or the rows of a set of lines whose search was cut short ({@code cutShort}): then no one of its
     * groups is known to be safe.
     */
    record Found(List<Integer> rows, boolean cutShort) {
    }

    private LineCombinations() {
    }

    /**
     * @param lines  each line's rows (a row may be in several lines)
     * @param hidden the rows not published
     * @param values each row's members (or part), by row
     * @param wanted whether a group found is returned (one that hiding another row cannot protect is passed over)
     * @return the hidden rows of a group under k but not empty that the lines' hidden sums give, if any
     */
    static Optional<Found> smallGroup(List<List<Integer>> lines, BitSet hidden, double[] values, int k,
                                              Predicate<List<Integer>> wanted) {
        List<List<Integer>> hiddenOfLines = new ArrayList<>();
        for (List<Integer> line : lines) {
            List<Integer> hiddenRows = line.stream().filter(hidden::get).distinct().toList();
            if (!hiddenRows.isEmpty()) {
                hiddenOfLines.add(hiddenRows);
            }
        }
        for (List<List<Integer>> connected : connectedSets(hiddenOfLines)) {
            Optional<Found> group = smallGroupOf(connected, values, k, wanted);
            if (group.isPresent()) {
                return group;
            }
        }
        return Optional.empty();
    }

    /** The lines grouped so that two lines sharing a hidden row, directly or through others, are in one set. */
    private static List<List<List<Integer>>> connectedSets(List<List<Integer>> lines) {
        int[] parent = new int[lines.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        java.util.Map<Integer, Integer> lineOfRow = new java.util.HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            for (int row : lines.get(i)) {
                Integer other = lineOfRow.putIfAbsent(row, i);
                if (other != null) {
                    parent[root(parent, i)] = root(parent, other);
                }
            }
        }
        java.util.Map<Integer, List<List<Integer>>> sets = new java.util.LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            sets.computeIfAbsent(root(parent, i), x -> new ArrayList<>()).add(lines.get(i));
        }
        return new ArrayList<>(sets.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static Optional<Found> smallGroupOf(List<List<Integer>> lines, double[] values, int k,
                                                        Predicate<List<Integer>> wanted) {
        List<Integer> rows = lines.stream().flatMap(List::stream).distinct().sorted().toList();
        double[][] basis = reducedEchelon(lines, rows);
        int[] pivots = new int[basis.length];
        for (int b = 0; b < basis.length; b++) {
            int column = 0;
            while (Math.abs(basis[b][column]) < EPSILON) {
                column++;
            }
            pivots[b] = column;
        }
        Search search = new Search(basis, pivots, rows, values, k, wanted);
        Optional<List<Integer>> group = search.from(0, new double[rows.size()], 0);
        return group.map(found -> new Found(found, search.cutShort));
    }

    /** The lines' indicator vectors over {@code rows}, reduced to a basis of their span in reduced row echelon form. */
    private static double[][] reducedEchelon(List<List<Integer>> lines, List<Integer> rows) {
        double[][] matrix = new double[lines.size()][rows.size()];
        for (int i = 0; i < lines.size(); i++) {
            for (int row : lines.get(i)) {
                matrix[i][rows.indexOf(row)] = 1;
            }
        }
        int rank = 0;
        for (int column = 0; column < rows.size() && rank < matrix.length; column++) {
            int pivot = -1;
            for (int i = rank; i < matrix.length; i++) {
                if (Math.abs(matrix[i][column]) > EPSILON) {
                    pivot = i;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] swap = matrix[rank];
            matrix[rank] = matrix[pivot];
            matrix[pivot] = swap;
            double scale = matrix[rank][column];
            for (int c = 0; c < rows.size(); c++) {
                matrix[rank][c] /= scale;
            }
            for (int i = 0; i < matrix.length; i++) {
                double factor = matrix[i][column];
                if (i != rank && Math.abs(factor) > EPSILON) {
                    for (int c = 0; c < rows.size(); c++) {
                        matrix[i][c] -= factor * matrix[rank][c];
                    }
                }
            }
            rank++;
        }
        return java.util.Arrays.copyOf(matrix, rank);
    }

    /** The depth-first search over the basis's pivot coefficients (see the class's comment). */
    private static final class Search {
        private final double[][] basis;
        private final int[] pivots;
        private final List<Integer> rows;
        private final double[] values;
        private final int k;
        private final Predicate<List<Integer>> wanted;
        /** Per basis vector b and column, the least and the most the vectors from b on can still add to it. */
        private final double[][] leastAfter;
        private final double[][] mostAfter;
        private long branches;
        private boolean cutShort;

        Search(double[][] basis, int[] pivots, List<Integer> rows, double[] values, int k, Predicate<List<Integer>> wanted) {
            this.basis = basis;
            this.wanted = wanted;
            this.pivots = pivots;
            this.rows = rows;
            this.values = values;
            this.k = k;
            int width = rows.size();
            leastAfter = new double[basis.length + 1][width];
            mostAfter = new double[basis.length + 1][width];
            for (int b = basis.length - 1; b >= 0; b--) {
                for (int c = 0; c < width; c++) {
                    leastAfter[b][c] = leastAfter[b + 1][c] + Math.min(0, basis[b][c]);
                    mostAfter[b][c] = mostAfter[b + 1][c] + Math.max(0, basis[b][c]);
                }
            }
        }

        /**
         * @param combination the coefficients on each row of the vectors taken so far
         * @param pivotMembers the members of the pivot rows taken so far
         */
        Optional<List<Integer>> from(int b, double[] combination, double pivotMembers) {
            if (cutShort) {
                return Optional.empty();
            }
            if (++branches > MOST_BRANCHES) {
                cutShort = true;
                return wanted.test(rows) ? Optional.of(rows) : Optional.empty();
            }
            if (pivotMembers >= k) {
                return Optional.empty();
            }
            for (int c = 0; c < combination.length; c++) {
                if (combination[c] + leastAfter[b][c] > 1 + EPSILON || combination[c] + mostAfter[b][c] < -EPSILON) {
                    return Optional.empty();
                }
            }
            if (b == basis.length) {
                return group(combination);
            }
            Optional<List<Integer>> without = from(b + 1, combination, pivotMembers);
            if (without.isPresent()) {
                return without;
            }
            double[] with = combination.clone();
            for (int c = 0; c < with.length; c++) {
                with[c] += basis[b][c];
            }
            return from(b + 1, with, pivotMembers + values[rows.get(pivots[b])]);
        }

        /** The rows a combination of 0s and 1s counts, if they hold some members but fewer than k. */
        private Optional<List<Integer>> group(double[] combination) {
            List<Integer> counted = new ArrayList<>();
            double members = 0;
            for (int c = 0; c < combination.length; c++) {
                if (Math.abs(combination[c] - 1) < EPSILON) {
                    counted.add(rows.get(c));
                    members += values[rows.get(c)];
                } else if (Math.abs(combination[c]) > EPSILON) {
                    return Optional.empty();
                }
            }
            return members > 0 && members < k && wanted.test(counted) ? Optional.of(counted) : Optional.empty();
        }
    }
}
