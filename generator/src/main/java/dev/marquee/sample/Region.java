package dev.marquee.sample;

/** Regions as named in model/regions.csv, with how often members leave and come back. */
enum Region {
    NORTH_AMERICA("North America", 0.020, 0.30),
    EUROPE("Europe", 0.028, 0.30),
    ASIA_PACIFIC("Asia-Pacific", 0.036, 0.26),
    LATIN_AMERICA("Latin America", 0.052, 0.38),
    MIDDLE_EAST_AFRICA("Middle East & Africa", 0.045, 0.30);

    final String label;
    /** Chance per billed month that a member leaves, before plan, tenure and engagement factors. */
    final double monthlyChurn;
    /** Chance that a member who left subscribes again later. */
    final double returnRate;

    Region(String label, double monthlyChurn, double returnRate) {
        this.label = label;
        this.monthlyChurn = monthlyChurn;
        this.returnRate = returnRate;
    }
}
