package dev.marquee.present;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report per country: every country with a chart of its own (a question's chart faceted by country), its key
 * figures beside all countries', and its charts; in name order, Other last.
 *
 * @param columns the figures' names, in the order each country's values give them
 * @param note    what the countries' list says of the countries too small to have a page
 */
public record Countries(List<String> columns, List<Country> countries, String note) {

    public Countries {
        columns = List.copyOf(columns);
        countries = List.copyOf(countries);
    }

    /**
     * One country: its figures in the columns' order (each empty where the figure is not about it), and its charts.
     *
     * @param slug the country as a file-name part, unique among the countries
     */
    public record Country(String name, String slug, List<Value> values, List<Figure> figures) {
        public Country {
            values = List.copyOf(values);
            figures = List.copyOf(figures);
        }

        public boolean isOther() {
            return CountryFigures.isOther(name);
        }
    }

    /**
     * A country's figure: short on its page ({@code text}), in full in the countries' table ({@code cell}), and how it
     * compares with all countries ("" when that cannot be said); all empty when the figure is not about the country.
     */
    public record Value(String text, String cell, String comparison) {
    }

    public boolean isEmpty() {
        return countries.isEmpty();
    }

    static Countries of(dev.marquee.report.Report report, List<Page> pages) {
        Map<String, List<Figure>> byCountry = new LinkedHashMap<>();
        for (Page page : pages) {
            for (Figure figure : page.figures()) {
                var chart = figure.chart();
                if (chart.facetValue().isPresent() && chart.spec().facet().orElse("").equals("country")) {
                    byCountry.computeIfAbsent(chart.facetValue().get(), c -> new ArrayList<>()).add(figure);
                }
            }
        }
        List<String> names = new ArrayList<>(byCountry.keySet().stream().filter(c -> !CountryFigures.isOther(c)).sorted().toList());
        byCountry.keySet().stream().filter(CountryFigures::isOther).forEach(names::add);
        CountryFigures figures = CountryFigures.of(report);
        List<Country> countries = new ArrayList<>();
        for (String name : names) {
            List<Figure> charts = byCountry.get(name);
            List<Value> values = figures.values(name).stream().map(v -> new Value(v.text(), v.cell(), v.comparison())).toList();
            countries.add(new Country(name, charts.get(0).chart().facetSlug(), values, charts));
        }
        return new Countries(figures.columns().stream().map(CountryFigures.Column::label).toList(), countries,
                "Countries with fewer than " + report.parameters().minGroupSize() + " members are merged into Other (small groups), and so is "
                        + "the next smallest where a total published elsewhere (its region's, all countries') would otherwise give a small one away.");
    }
}
