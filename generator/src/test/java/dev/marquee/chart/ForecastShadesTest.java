package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A forecast's intervals and its period's shade follow the reader's colour scheme: on the dark page the thin orange
 * tuned for white, and the card's colour, had all but disappeared. Their opacity and colour are the style sheet's
 * variables, which on white are the values drawn before (and the PDF's).
 */
class ForecastShadesTest {

    /** 24 months of history from Jan 2023, then 6 forecast months with their 80% and 95% intervals. */
    private static RenderedChart forecast() {
        Table table = Charts.forecast(LocalDate.of(2023, 1, 1));
        return Charts.render(Charts.spec(ChartKind.FORECAST, "month", List.of("actual"), Optional.empty(), Unit.MEMBERS), table);
    }

    @Test
    void intervals_inTheSvg_takeTheirOpacityFromTheStyleSheet() {
        RenderedChart chart = forecast();

        for (String svg : List.of(chart.svg(), chart.narrowSvg())) {
            assertEquals(1, count(svg, "fill:rgb(230,159,0);fill-opacity:var(--interval-95)"));
            assertEquals(1, count(svg, "fill:rgb(230,159,0);fill-opacity:var(--interval-80)"));
            assertFalse(svg.contains("fill-opacity:0.19607843458652496") || svg.contains("fill-opacity:0.3529411852359772"),
                    "no interval keeps the opacity tuned for white");
        }
    }

    @Test
    void forecastPeriod_inTheSvg_isTheShade_notTheCard() {
        RenderedChart chart = forecast();

        for (String svg : List.of(chart.svg(), chart.narrowSvg())) {
            assertEquals(1, count(svg, "fill:var(--shade)"), "the shaded months");
            assertFalse(svg.contains("var(--card)"));
        }
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
