package dev.marquee.query;

import dev.marquee.catalog.QuerySource;
import dev.marquee.model.Problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions are written once for every engine: engine-specific functions and syntax must go through the
 * cross-engine functions ({@link SqlFunctions}) instead. This finds them, outside comments and quoted text.
 */
final class Portability {

    private static final Map<String, String> FORBIDDEN = Map.ofEntries(
            Map.entry("generate_series", "{{ month_series(first, last) }}"),
            Map.entry("sequence", "{{ month_series(first, last) }}"),
            Map.entry("string_split", "{{ split_list(text, separator) }}"),
            Map.entry("split", "{{ split_list(text, separator) }}"),
            Map.entry("unnest", "{{ split_list(text, separator) }}"),
            Map.entry("quantile_cont", "{{ median(x) }} or {{ percentile(x, fraction) }}"),
            Map.entry("quantile_disc", "{{ median(x) }} or {{ percentile(x, fraction) }}"),
            Map.entry("quantile", "{{ percentile(x, fraction) }}"),
            Map.entry("median", "{{ median(x) }}"),
            Map.entry("approx_percentile", "{{ percentile(x, fraction) }}"),
            Map.entry("strftime", "{{ format_month(date) }}"),
            Map.entry("date_format", "{{ format_month(date) }}"),
            Map.entry("strptime", "a CAST of ISO text"),
            Map.entry("date_parse", "a CAST of ISO text"),
            Map.entry("string_agg", "{{ string_list(value, separator) }}"),
            Map.entry("listagg", "{{ string_list(value, separator) }}"),
            Map.entry("date_add", "{{ add_days(date, days) }} or + INTERVAL 'n' MONTH"),
            Map.entry("list_contains", "a join"),
            Map.entry("len", "length() for text"),
            Map.entry("last_day", "{{ month_last_day(date) }}"),
            Map.entry("last_day_of_month", "{{ month_last_day(date) }}"));
    private static final Pattern CALL = Pattern.compile("\\b([a-z_]+)\\s*\\(");
    private static final List<Pattern> SYNTAX = List.of(Pattern.compile("::"), Pattern.compile("\\bqualify\\b"),
            Pattern.compile("\\bgroup\\s+by\\s+all\\b"), Pattern.compile("\\bilike\\b"), Pattern.compile("\\bexclude\\s*\\("));

    private Portability() {
    }

    static void check(QuerySource query, List<Problem> problems) {
        String text = blankCommentsAndStrings(query.sql()).toLowerCase(Locale.ROOT);
        Matcher call = CALL.matcher(text);
        while (call.find()) {
            String instead = FORBIDDEN.get(call.group(1));
            if (instead != null) {
                problems.add(Problem.fatal(query.file().toString(), query.fileLine(SqlTemplate.lineOf(text, call.start())), "",
                        "engine-specific", "statement '" + query.name() + "' calls " + call.group(1)
                                + "(), which not every engine has: use " + instead));
            }
        }
        for (Pattern syntax : SYNTAX) {
            Matcher matcher = syntax.matcher(text);
            while (matcher.find()) {
                problems.add(Problem.fatal(query.file().toString(), query.fileLine(SqlTemplate.lineOf(text, matcher.start())), "",
                        "engine-specific", "statement '" + query.name() + "' uses '" + matcher.group().trim()
                                + "', which Trino does not run: write standard SQL (CAST, a subquery with row_number(), explicit columns)"));
            }
        }
    }

    /** The SQL with comments, quoted text and {{ ... }} placeholders replaced by spaces, keeping line breaks. */
    static String blankCommentsAndStrings(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '\'') {
                out.append(' ');
                i++;
                while (i < sql.length() && sql.charAt(i) != '\'') {
                    out.append(sql.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                out.append(' ');
                i++;
            } else if (c == '{' && i + 1 < sql.length() && sql.charAt(i + 1) == '{') {
                int end = sql.indexOf("}}", i);
                end = end < 0 ? sql.length() : end + 2;
                while (i < end) {
                    out.append(sql.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
