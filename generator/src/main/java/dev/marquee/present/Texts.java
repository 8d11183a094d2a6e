package dev.marquee.present;

import java.util.List;

/**
 * The report's fixed texts, written once: the site's templates and the PDF's pages both read them, so the two say the
 * same thing in the same words.
 */
public final class Texts {

    /** The heading of the targets, on the overview's tiles, the changes page and the PDF's. */
    public static final String TARGETS = "Targets and alerts";
    /** The columns of the targets' table. */
    public static final List<String> TARGET_COLUMNS = List.of("Target", "Status", "This edition");
    /** What a KPI of an incomplete month is marked with. */
    public static final String MONTH_TO_DATE = "month to date";
    public static final String VS_MONTH_EARLIER = "vs a month earlier";
    public static final String VS_YEAR_EARLIER = "vs a year earlier";
    /** What an edition says when it is the first on record. */
    public static final String FIRST_EDITION = "This is the first edition on record: what changed is reported from the next one on.";
    /** What an edition says when nothing moved since the previous one. */
    public static final String NOTHING_MOVED = "Nothing moved beyond its usual spread, and no target changed.";
    /** The heading of the questions, charts and KPIs the data could not answer. */
    public static final String LEFT_OUT = "Left out for lack of data";
    /** The columns of the data-quality table the site's Data page and the PDF's closing page share. */
    public static final String TABLE = "Table";
    public static final String ROWS_READ = "Rows read";
    public static final String SET_ASIDE = "Set aside";
    public static final String ROWS_USED = "Rows used";

    private Texts() {
    }

    /** How a run with slices keeps them from revealing a small group by subtraction, for the methodology page. */
    public static String slicesRule(int k) {
        return "each slice's report (a region's, say) is made safe on its own, as the whole report is. A "
                + "slice of fewer than " + k
                + " members is not published, and where the unpublished slices hold fewer than " + k
                + " members together, the smallest published one is withheld too, so that the whole report "
                + "minus the published slices is never a group under " + k
                + ", and in each region too: the whole report publishes figures by region, so the "
                + "unpublished slices' members in a region are none or " + k
                + " or more, or that region's smallest published slice is withheld with them; and a value "
                + "the whole report counts but does not show by name in its members by that dimension (a "
                + "small country, or one merged with it) is not published as a slice, since every table of "
                + "it would add up to that count. The same holds for every figure about members the whole "
                + "report shows, a KPI or a row of a table (a month, a plan, a country, “Other (small "
                + "groups)”), matched with the same row of each slice: where the slices that do not show it "
                + "(withheld, hiding it, or having merged it into their own “Other (small groups)”) would "
                + "together leave fewer than " + k
                + " of its members, of a part of them (its churners) or of the rest to subtraction, it is "
                + "hidden in the slice with the smallest group that shows it (a KPI first in a slice whose figure the "
                + "whole report does not show by its value), among the slices already hiding "
                + "some of that table if any, as that slice hides its own small groups, and in the next if need "
                + "be (from a month hidden so, the slice shows no running total, nor that month of the year in "
                + "its seasonality, since they would give it back); a row that one slice alone does not show, where no "
                + "unpublished slice has members of it, is hidden in a second slice too, since the whole minus the "
                + "others would give it exactly; a slice's “Other (small groups)” row is "
                + "compared with the whole report's, and shows no figure where it must be hidden, and the "
                + "whole report's is also compared with the slices' rows of the values it merged (the "
                + "regions or countries it does not name), as a reader who knows those values would subtract "
                + "them. A slice whose members share one country, and so one region, hides a group under "
                + "both names alike (its region's row and its country's row count the same members), and a "
                + "KPI of as many members as such a row is hidden with it, and it with the KPI; the whole "
                + "report's plans within countries for that country are its plans, so a cell the whole "
                + "report does not show is not shown by the slice either, in its members by plan or in its "
                + "plans within its region. A region's members of one plan (a region's slice's members by "
                + "plan, a plan's slice's members by region), less the cells of that region's countries the "
                + "whole report names in its plans within countries, would give that plan's members in the "
                + "region's other countries: where they are 1 to " + (k - 1) + ", the slice does not show the "
                + "figure, nor, where the figures it hides would give that together, the next; the whole "
                + "report is the same as without slices. An “Other (small groups)” row that "
                + "holds only rows hidden this way, or hidden because another table hides the same group, "
                + "shows no figure. Figures that do not count members cannot be compared: forecasts (their "
                + "actual values are hidden wherever the figures they follow are), the churn model's effects "
                + "and forecast errors are estimates, and figures about titles are the same in every slice.";
    }

    /** A target on a KPI's tile: "Target at most 3.5%: missed". */
    public static String onTile(TargetStatus target) {
        return "Target " + target.bound() + ": " + target.status();
    }
}
