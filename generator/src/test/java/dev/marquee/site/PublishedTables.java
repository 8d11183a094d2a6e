package dev.marquee.site;

import org.openqa.selenium.chrome.ChromeDriver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a reader can read (a page's data tables, the CSV files) and the checks on their figures: shares of a
 * stacked bar adding up to the whole, a stacked bar's published total equal to its parts, no count of members under k.
 */
final class PublishedTables {

    /**
     * Column names that count members, whatever the question's privacy declaration says: the check does not trust
     * the declaration to be complete.
     */
    static final Pattern MEMBER_COUNT = Pattern.compile("members|churners|viewers|raters|payers|signups|subscribers"
            + "|cumulative_signups|at_risk|active_at_start|active_members|retained_members|heavy_viewers|shared_viewers"
            + "|observed_churners|members_with_[a-z_]+|retained_\\d+_months?");

    private static final Pattern TOTAL = Pattern.compile("(Highest|Lowest|highest|lowest) total: (.+?) at (-?[0-9][0-9,]*(?:\\.[0-9]+)?)\\b");

    /**
     * Every data table of the open page: its figure's id (or "table N" outside a figure), the accessible label of
     * the chart drawn from it, its header and its cells' text. The page shows a column's name with spaces for its
     * underscores ("active at start"); the name is given back as the result calls it.
     */
    private static final String READ = """
            return Array.prototype.map.call(document.querySelectorAll('table'), function (table, n) {
              var figure = table.closest('figure');
              var drawing = figure ? figure.querySelector('[aria-label]') : null;
              var text = function (cell) { return cell.textContent.trim(); };
              return {where: figure && figure.id ? figure.id : 'table ' + (n + 1),
                  label: drawing ? drawing.getAttribute('aria-label') : '',
                  headers: Array.prototype.map.call(table.querySelectorAll('thead th'),
                      function (cell) { return text(cell).replace(/ /g, '_'); }),
                  rows: Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (row) {
                    return Array.prototype.map.call(row.querySelectorAll('th, td'), text); })};
            });
            """;

    private PublishedTables() {
    }

    /** A table as published: where it is, its chart's label (empty if none), its column names and its cells' text. */
    record Table(String where, String label, List<String> headers, List<List<String>> rows) {

        int column(String name) {
            return headers.indexOf(name);
        }
    }

    static List<Table> read(ChromeDriver browser, String page) {
        List<Table> tables = new ArrayList<>();
        for (Object item : (List<?>) browser.executeScript(READ)) {
            Map<?, ?> table = (Map<?, ?>) item;
            List<List<String>> rows = new ArrayList<>();
            for (Object row : (List<?>) table.get("rows")) {
                rows.add(((List<?>) row).stream().map(String::valueOf).toList());
            }
            tables.add(new Table(page + " " + table.get("where"), (String) table.get("label"),
                    ((List<?>) table.get("headers")).stream().map(String::valueOf).toList(), rows));
        }
        return tables;
    }

    /**
     * The shares of each bar of a stacked-percent chart's table: the rows with the same values in {@code bar}'s
     * columns make one bar, and their {@code share} column (shown as "42.3%") must add up to 100% within the
     * rounding of the shown figures (half a last digit each) or 0.2 points, whichever is larger.
     */
    static List<String> sharesNotAddingUp(Table table, List<String> bar, String share) {
        List<String> problems = new ArrayList<>();
        int shareColumn = table.column(share);
        if (shareColumn < 0 || bar.stream().anyMatch(c -> table.column(c) < 0)) {
            problems.add(table.where() + ": no columns " + bar + " and " + share + " in " + table.headers());
            return problems;
        }
        Map<List<String>, List<String>> shares = new LinkedHashMap<>();
        for (List<String> row : table.rows()) {
            shares.computeIfAbsent(bar.stream().map(c -> row.get(table.column(c))).toList(), key -> new ArrayList<>())
                    .add(row.get(shareColumn));
        }
        shares.forEach((key, cells) -> {
            double sum = 0;
            double rounding = 0;
            for (String cell : cells) {
                Optional<Double> value = number(cell.replace("%", ""));
                if (value.isEmpty()) {
                    return; // a hidden share: the bar's sum cannot be read
                }
                sum += value.get();
                int decimals = cell.contains(".") ? cell.replace("%", "").length() - cell.indexOf('.') - 1 : 0;
                rounding += 0.5 * Math.pow(10, -decimals);
            }
            if (Math.abs(sum - 100) > Math.max(0.2, rounding) + 1e-9) {
                problems.add(table.where() + ": the shares of " + String.join(" / ", key) + " add up to "
                        + String.format(Locale.ROOT, "%.1f", sum) + "% (" + String.join(" + ", cells) + ")");
            }
        });
        return problems;
    }

    /**
     * A stacked bar chart's accessible label gives its highest and lowest bars' totals ("Highest total: United States at
     * 949 members; lowest total: …"): each must equal the sum of that bar's parts ({@code parts} columns of the rows whose {@code x}
     * is that bar) in the table below it.
     */
    static List<String> totalsNotMatchingParts(Table table, String x, List<String> parts) {
        List<String> problems = new ArrayList<>();
        if (table.column(x) < 0 || parts.stream().anyMatch(c -> table.column(c) < 0)) {
            problems.add(table.where() + ": no columns " + x + " and " + parts + " in " + table.headers());
            return problems;
        }
        Matcher total = TOTAL.matcher(table.label());
        int found = 0;
        while (total.find()) {
            found++;
            double published = number(total.group(3)).orElseThrow();
            // Bars tied at the figure are named together ("A, B and C"), or counted ("12 tied") when there are many.
            Matcher tied = Pattern.compile("(\\d+) tied").matcher(total.group(2));
            Map<String, Double> sums = new LinkedHashMap<>();
            for (List<String> row : table.rows()) {
                double sum = 0;
                for (String part : parts) {
                    sum += number(row.get(table.column(part))).orElse(0.0);
                }
                sums.merge(row.get(table.column(x)), sum, Double::sum);
            }
            if (tied.matches()) {
                long atTheFigure = sums.values().stream().filter(sum -> Math.abs(sum - published) <= 0.5).count();
                if (atTheFigure != Long.parseLong(tied.group(1))) {
                    problems.add(table.where() + ": the " + total.group(1).toLowerCase(Locale.ROOT) + " total of " + total.group(2)
                            + " is published as " + total.group(3) + " but " + atTheFigure + " bars' parts add up to it");
                }
                continue;
            }
            String named = total.group(2);
            for (String bar : sums.containsKey(named) ? new String[] {named} : named.split(", | and ")) {
                Double sum = sums.get(bar);
                if (sum == null || Math.abs(sum - published) > 0.5) {
                    problems.add(table.where() + ": the " + total.group(1).toLowerCase(Locale.ROOT) + " total of " + bar + " is published as "
                            + total.group(3) + " but its parts in the table add up to " + (sum == null ? "nothing (no row)" : format(sum)));
                }
            }
        }
        if (found == 0) {
            problems.add(table.where() + ": the chart's label gives no total: " + table.label());
        }
        return problems;
    }

    /**
     * Every cell under a column counting members that is neither 0 nor at least k. {@code counts} names the
     * columns; {@code remainders} maps a part to its whole (churners to active_at_start): the rest of the whole is a
     * group too, so it must also be 0 or at least k.
     */
    static List<String> countsUnderK(Table table, Set<String> counts, Map<String, String> remainders, int k) {
        List<String> problems = new ArrayList<>();
        for (List<String> row : table.rows()) {
            String rowName = row.isEmpty() ? "" : row.get(0);
            for (int c = 0; c < table.headers().size() && c < row.size(); c++) {
                String column = table.headers().get(c);
                Optional<Double> value = number(row.get(c));
                if (counts.contains(column) && value.isPresent() && value.get() != 0 && value.get() < k) {
                    problems.add(table.where() + ": " + column + " = " + row.get(c) + " in the row " + rowName);
                }
                String whole = remainders.get(column);
                if (whole != null && table.column(whole) >= 0 && value.isPresent()) {
                    Optional<Double> all = number(row.get(table.column(whole)));
                    if (all.isPresent()) {
                        double rest = all.get() - value.get();
                        if (rest != 0 && rest < k) {
                            problems.add(table.where() + ": " + whole + " − " + column + " = " + format(rest) + " in the row " + rowName);
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** A published number ("1,234", "$12.50", "42.3"), empty for text, blanks and hidden cells. */
    static Optional<Double> number(String cell) {
        String plain = cell.strip().replace(",", "").replace("$", "");
        if (!plain.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(plain));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
