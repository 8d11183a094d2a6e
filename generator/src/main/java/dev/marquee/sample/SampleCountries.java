package dev.marquee.sample;

import static dev.marquee.sample.Region.ASIA_PACIFIC;
import static dev.marquee.sample.Region.EUROPE;
import static dev.marquee.sample.Region.LATIN_AMERICA;
import static dev.marquee.sample.Region.MIDDLE_EAST_AFRICA;
import static dev.marquee.sample.Region.NORTH_AMERICA;

import java.util.List;

/** The member countries. The last four are tiny on purpose: a report must suppress them (fewer than 10 members). */
final class SampleCountries {

    // Plan mix: Basic, Standard, Premium. Device mix: TV, Mobile, Tablet, Laptop, Console.
    private static final double[] RICH_PLANS = {0.24, 0.46, 0.30};
    private static final double[] EU_PLANS = {0.32, 0.45, 0.23};
    private static final double[] LATAM_PLANS = {0.50, 0.36, 0.14};
    private static final double[] EMERGING_PLANS = {0.62, 0.29, 0.09};
    private static final double[] TV_FIRST = {0.52, 0.18, 0.07, 0.13, 0.10};
    private static final double[] EU_DEVICES = {0.45, 0.21, 0.09, 0.17, 0.08};
    private static final double[] SOUTH_EU_DEVICES = {0.41, 0.28, 0.09, 0.17, 0.05};
    private static final double[] LATAM_DEVICES = {0.28, 0.45, 0.07, 0.16, 0.04};
    private static final double[] MOBILE_FIRST = {0.14, 0.61, 0.07, 0.16, 0.02};

    static final List<Country> ALL = List.of(
            new Country("United States", NORTH_AMERICA, 30.0, 0.00, -300, false, RICH_PLANS, TV_FIRST),
            new Country("Canada", NORTH_AMERICA, 6.0, 0.00, -300, false, RICH_PLANS, TV_FIRST),
            new Country("United Kingdom", EUROPE, 9.0, 0.00, 0, false, new double[] {0.28, 0.45, 0.27}, EU_DEVICES),
            new Country("Germany", EUROPE, 6.0, 0.03, 60, false, EU_PLANS, EU_DEVICES),
            new Country("France", EUROPE, 5.0, 0.03, 60, false, EU_PLANS, EU_DEVICES),
            new Country("Spain", EUROPE, 3.5, 0.05, 60, false, new double[] {0.37, 0.43, 0.20}, SOUTH_EU_DEVICES),
            new Country("Italy", EUROPE, 2.5, 0.05, 60, false, new double[] {0.37, 0.43, 0.20}, SOUTH_EU_DEVICES),
            new Country("Netherlands", EUROPE, 1.5, 0.00, 60, false, new double[] {0.27, 0.46, 0.27}, EU_DEVICES),
            new Country("Poland", EUROPE, 1.2, 0.10, 60, false, new double[] {0.45, 0.40, 0.15}, SOUTH_EU_DEVICES),
            new Country("Sweden", EUROPE, 0.8, 0.00, 60, false, new double[] {0.25, 0.45, 0.30}, EU_DEVICES),
            new Country("Brazil", LATIN_AMERICA, 8.0, 0.15, -180, true, LATAM_PLANS, LATAM_DEVICES),
            new Country("Mexico", LATIN_AMERICA, 5.0, 0.12, -360, false, LATAM_PLANS, LATAM_DEVICES),
            new Country("Argentina", LATIN_AMERICA, 2.0, 0.10, -180, true, new double[] {0.54, 0.34, 0.12}, LATAM_DEVICES),
            new Country("Colombia", LATIN_AMERICA, 1.6, 0.15, -300, false, new double[] {0.55, 0.33, 0.12}, LATAM_DEVICES),
            new Country("India", ASIA_PACIFIC, 7.0, 0.35, 330, false, EMERGING_PLANS, MOBILE_FIRST),
            new Country("Japan", ASIA_PACIFIC, 4.0, 0.05, 540, false, new double[] {0.32, 0.40, 0.28},
                    new double[] {0.36, 0.30, 0.10, 0.15, 0.09}),
            new Country("South Korea", ASIA_PACIFIC, 2.5, 0.08, 540, false, new double[] {0.30, 0.42, 0.28},
                    new double[] {0.33, 0.36, 0.09, 0.15, 0.07}),
            new Country("Australia", ASIA_PACIFIC, 3.0, 0.03, 600, true, RICH_PLANS, EU_DEVICES),
            new Country("Philippines", ASIA_PACIFIC, 1.2, 0.30, 480, false, EMERGING_PLANS, MOBILE_FIRST),
            new Country("South Africa", MIDDLE_EAST_AFRICA, 1.0, 0.15, 120, true, LATAM_PLANS, LATAM_DEVICES),
            new Country("Nigeria", MIDDLE_EAST_AFRICA, 0.6, 0.35, 60, false, EMERGING_PLANS, MOBILE_FIRST),
            new Country("New Zealand", ASIA_PACIFIC, 0.12, 0.00, 720, true, RICH_PLANS, EU_DEVICES),
            new Country("Portugal", EUROPE, 0.10, 0.05, 0, false, new double[] {0.38, 0.42, 0.20}, SOUTH_EU_DEVICES),
            new Country("Chile", LATIN_AMERICA, 0.10, 0.10, -240, true, LATAM_PLANS, LATAM_DEVICES),
            new Country("Kenya", MIDDLE_EAST_AFRICA, 0.08, 0.30, 180, false, EMERGING_PLANS, MOBILE_FIRST));

    private SampleCountries() {
    }

    /** Signup weights of all countries, {@code years} after the start of the period. */
    static double[] weightsAt(double years) {
        double[] weights = new double[ALL.size()];
        for (int i = 0; i < weights.length; i++) {
            Country country = ALL.get(i);
            weights[i] = country.share() * StrictMath.exp(country.growth() * years);
        }
        return weights;
    }
}
