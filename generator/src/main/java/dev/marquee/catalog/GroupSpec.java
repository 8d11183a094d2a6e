package dev.marquee.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the rows of one published result describe, declared under {@code privacy:} in a question's front matter, so
 * that the disclosure stage can keep every group of fewer than k members out of the report, and out of reach of
 * arithmetic on the figures it does publish.
 *
 * @param result      the statement (or computed result) the declaration is about
 * @param members     the column counting the members a row describes: its group
 * @param overlapping true when one member may count in several rows (devices, titles, months): the rows' members
 *                    then do not add up, and a set of rows is known only to hold at least its largest group
 * @param parts       member counts inside the row's group (churners, members at risk): each is a group of its own,
 *                    and so is the rest of the row's members
 * @param sums        measures that add up over members (hours, revenue, sessions): they follow their row's group
 * @param ratios      columns computed from the others, recomputed for merged rows and hidden with their inputs
 * @param small       what happens to a row whose group, or one of its parts, has fewer than k members
 * @param label       the column that names the merged row ({@link Small#MERGE} only)
 * @param within      for a cross-tab: the column whose values each get their own merged row (plans within a country)
 * @param running     running totals of a column, hidden with the rows they would reveal
 * @param keep        numeric columns that label the row rather than describe its members (a year, months after
 *                    signup): kept on hidden rows; every other number is a figure about the group
 * @param line        line of the declaration in the question's .md file, for messages
 * @param nestedIn    a grouping of the label's values whose totals are published elsewhere ({@code region}, of the
 *                    countries of a by-country result): what one of them hides or merges must be 0 or k members too,
 *                    or its total minus its published rows would give a smaller group
 * @param asOfMonthOf another result by month ({@code within: month}), of the same question or of another one written
 *                    {@code <question>/<result>}, whose rows of the as-of month (its last) are this result's rows: the
 *                    churn by region is the monthly churn by region's last month, the current members by country the
 *                    churn question's members by country at the as-of month's end. A row one of them does not show,
 *                    the other does not show either
 * @param addsUp      another result of the same question whose rows this result's rows add up (seasonality, each
 *                    month of the year over the years, of the monthly signups): where that result hides a row against
 *                    differencing across slices, this one shows no figure, since the sum minus the rows shown would
 *                    give the hidden one back
 * @param counts      what the members column counts, where its name does not say it (a forecast's {@code value}):
 *                    results whose groups are the same and count the same, by name, hide alike (see Disclosure)
 * @param flow        for members at each month's end (the subscribers): the results by month of those who came in
 *                    and those who left, whose figures with two months' ends make one equation (see FlowRows)
 * @param totalsOf    a result by month with a running total ({@code <question>/<result>} or of this question), whose
 *                    running total at {@code monthsBack} months before its last month is this result's members: the
 *                    members who reached n months after signup are those who signed up in the as-of month less n or
 *                    before. A row is shown only where that running total is (see RunningTotalRows)
 * @param monthsBack  with {@code totalsOf}: the column that says how many months before the last each row is
 * @param changes     columns that compare a row with the row before (a growth rate): not shown where that row is
 *                    hidden, since the rate and the row's figure give the row before's back
 * @param sameRowsAs  another result by month ({@code <question>/<result>} or of this question) whose row of each month
 *                    counts the same members (MRR's members and the subscribers, both active on the month's last day):
 *                    a month one of them does not show, the other does not show either (see SameRows)
 * @param endsIn      for members at a month's start with one part who left in it (the churn by region): the result
 *                    whose row of the same label counts the same members at the month's end ({@code <question>/<result>}
 *                    or of this question; this result itself for its next month's start, the current members for the
 *                    as-of month). Start less leavers and end give those who joined in the month, a group no result
 *                    publishes: under k, a figure of the three is hidden (see JoinedRows)
 * @param totalIn     another result ({@code <question>/<result>} or of this question) whose members figure is the sum of
 *                    this result's rows but those {@code totalLeavesOut} names (the viewers, of the members by hours
 *                    watched less those with none): the rows hidden among those it adds up hold none or k or more
 *                    members (see SubsetTotalRows)
 * @param totalLeavesOut with {@code totalIn}: the values of the rows the total leaves out
 * @param prices      those of {@code sums} that add up prices members pay (MRR, revenue, fees): rounded to the data's
 *                    price step after the disclosure stage, with the ratios built on them (see PriceRounding)
 * @param priceRange  optional, with {@code prices}: the columns of the lowest and the highest price the row's members'
 *                    plans are sold at (a reader may know them), how far its sums could move were members to pay other
 *                    prices; never published. Without them, the data's lowest and highest price
 * @param kpiMembers  KPIs (their ids) whose value counts the members a row of this result counts, for the members of
 *                    the row's label (its country's, in members by country): in a slice of that label's value, the whole
 *                    report's row gives the slice's KPI figure's members (and part), so a reader has them whatever the
 *                    slice hides (see AcrossSlices)
 */
public record GroupSpec(String result, String members, boolean overlapping, List<String> parts, List<String> sums,
                        List<Ratio> ratios, Small small, Optional<String> label, Optional<String> within,
                        List<Running> running, List<String> keep, int line, Optional<String> nestedIn,
                        Optional<String> asOfMonthOf, Optional<String> addsUp, Optional<String> counts,
                        Optional<Flow> flow, Optional<String> totalsOf, Optional<String> monthsBack, List<String> changes,
                        Optional<String> sameRowsAs, Optional<String> endsIn, Optional<String> totalIn,
                        List<String> totalLeavesOut, List<String> prices, List<String> priceRange, List<String> kpiMembers) {

    /** The groupings {@code nested_in} may name: the report's regions, of countries. */
    public static final java.util.Set<String> NESTINGS = java.util.Set.of("region");
    /** The column whose values a region groups. */
    public static final String COUNTRY = "country";
    /** The column a region's slice shares the value of, and that groups the countries. */
    public static final String REGION = "region";

    public GroupSpec(String result, String members, boolean overlapping, List<String> parts, List<String> sums,
                     List<Ratio> ratios, Small small, Optional<String> label, Optional<String> within,
                     List<Running> running, List<String> keep, int line) {
        this(result, members, overlapping, parts, sums, ratios, small, label, within, running, keep, line, Optional.empty());
    }

    public GroupSpec(String result, String members, boolean overlapping, List<String> parts, List<String> sums,
                     List<Ratio> ratios, Small small, Optional<String> label, Optional<String> within,
                     List<Running> running, List<String> keep, int line, Optional<String> nestedIn) {
        this(result, members, overlapping, parts, sums, ratios, small, label, within, running, keep, line, nestedIn, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * {@code inflow} and {@code outflow}: the members at a month's end are those at the month before's, plus those
     * {@code inflow} counts that month (its members: the signups), less those {@code outflow} counts (its part: the
     * churners), plus the members who came back, which no result publishes. Each names a result by month of the same
     * question, or of another one written {@code <question>/<result>}.
     */
    public record Flow(String inflow, String outflow) {
        public Flow {
            Objects.requireNonNull(inflow);
            Objects.requireNonNull(outflow);
        }
    }

    /** What becomes of a row describing fewer than k members (or a part of them). */
    public enum Small {
        /** Rows join one row named "Other", which itself describes at least k members (the next smallest joins it). */
        MERGE,
        /** The row stays, its figures are hidden; the next smallest row is hidden too where a total would reveal it. */
        HIDE,
        /** The row is left out: for rankings and overlapping groups, whose rows add up to no published total. */
        DROP
    }

    /**
     * {@code column = numerator / denominator}; the denominator may be {@code sum(c)}, the sum of a column over all
     * rows, or {@code sum(c) by d}, over the rows with the same value of column d.
     */
    public record Ratio(String column, String numerator, String denominator, boolean denominatorSummed, Optional<String> by) {
        private static final Pattern FORM = Pattern.compile(
                "\\s*([a-z_][a-z0-9_]*)\\s*=\\s*([a-z_][a-z0-9_]*)\\s*/\\s*(?:sum\\(\\s*([a-z_][a-z0-9_]*)\\s*\\)(?:\\s+by\\s+([a-z_][a-z0-9_]*))?|([a-z_][a-z0-9_]*))\\s*");

        public Ratio {
            Objects.requireNonNull(column);
            Objects.requireNonNull(numerator);
            Objects.requireNonNull(denominator);
            Objects.requireNonNull(by);
        }

        /** Parses {@code share = members / sum(members) by country}; empty when the text is not of that form. */
        public static Optional<Ratio> parse(String text) {
            Matcher matcher = FORM.matcher(text);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            if (matcher.group(5) != null) {
                return Optional.of(new Ratio(matcher.group(1), matcher.group(2), matcher.group(5), false, Optional.empty()));
            }
            return Optional.of(new Ratio(matcher.group(1), matcher.group(2), matcher.group(3), true,
                    Optional.ofNullable(matcher.group(4))));
        }
    }

    /** {@code column = running(of)}: the running total of column {@code of} in row order. */
    public record Running(String column, String of) {
        private static final Pattern FORM = Pattern.compile("\\s*([a-z_][a-z0-9_]*)\\s*=\\s*running\\(\\s*([a-z_][a-z0-9_]*)\\s*\\)\\s*");

        public static Optional<Running> parse(String text) {
            Matcher matcher = FORM.matcher(text);
            return matcher.matches() ? Optional.of(new Running(matcher.group(1), matcher.group(2))) : Optional.empty();
        }
    }

    /** {@code members: none}: the rows count no member (titles' figures a publisher made public). */
    public static final String NONE = "none";

    public GroupSpec {
        Objects.requireNonNull(result);
        Objects.requireNonNull(members);
        parts = List.copyOf(parts);
        sums = List.copyOf(sums);
        ratios = List.copyOf(ratios);
        running = List.copyOf(running);
        keep = List.copyOf(keep);
        changes = List.copyOf(changes);
        prices = List.copyOf(prices);
        priceRange = List.copyOf(priceRange);
        if (!sums.containsAll(prices)) {
            throw new IllegalArgumentException("prices are among the sums: " + prices + " not all in " + sums);
        }
        if (!priceRange.isEmpty() && (prices.isEmpty() || priceRange.size() != 2)) {
            throw new IllegalArgumentException("a row's lowest and highest price go with its sums of prices: " + priceRange);
        }
        Objects.requireNonNull(sameRowsAs);
        Objects.requireNonNull(small);
        Objects.requireNonNull(flow);
        Objects.requireNonNull(totalsOf);
        Objects.requireNonNull(monthsBack);
        if (small == Small.MERGE && label.isEmpty()) {
            throw new IllegalArgumentException("a merge needs the column that names the merged row");
        }
    }

    /** Whether the rows count members at all. */
    public boolean countsMembers() {
        return !NONE.equals(members);
    }

    /** Every column this declaration names, for checking them against the result. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        if (!countsMembers()) {
            return columns;
        }
        columns.add(members);
        columns.addAll(parts);
        columns.addAll(sums);
        for (Ratio ratio : ratios) {
            columns.add(ratio.column());
            columns.add(ratio.numerator());
            columns.add(ratio.denominator());
            ratio.by().ifPresent(columns::add);
        }
        label.ifPresent(columns::add);
        within.ifPresent(columns::add);
        for (Running total : running) {
            columns.add(total.column());
            columns.add(total.of());
        }
        columns.addAll(keep);
        columns.addAll(changes);
        columns.addAll(priceRange);
        return columns.stream().distinct().toList();
    }
}
