package dev.marquee.slice;

import dev.marquee.run.ReportException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a report is sliced by: a column of the member layer table ({@code member}), one slice per value, or a slices
 * file's named groups of such a column's values, one slice per group. Either way each member belongs to exactly one
 * slice: a member whose value is unknown (a country the regions table does not list, no plan) is in the slice
 * {@link Slices#UNKNOWN}, and one whose value no group of the file lists in {@link SliceFile#EVERYONE_ELSE}, so the
 * slices add up to the whole.
 */
public sealed interface Dimension permits Dimension.Column, SliceFile {

    /** As {@code --slices} was given: "region", or the slices file's name. */
    String option();

    /** The member table's column the slices are made of. */
    String column();

    /** As a page names it before a slice's name: "Region", "Territory". */
    String label();

    /** As a sentence names one slice's kind: "region", "territory". */
    String noun();

    /** All the slices together, as a slice's page compares with them: "All regions". */
    String all();

    /** One slice per value of a column of the member table. */
    enum Column implements Dimension {
        REGION("region", "Region", "regions"),
        COUNTRY("country", "Country", "countries"),
        PLAN("plan", "Plan", "plans");

        private final String column;
        private final String label;
        private final String plural;

        Column(String column, String label, String plural) {
            this.column = column;
            this.label = label;
            this.plural = plural;
        }

        @Override
        public String option() {
            return column;
        }

        /** The option's word and the member table's column. */
        @Override
        public String column() {
            return column;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String noun() {
            return column;
        }

        @Override
        public String all() {
            return "All " + plural;
        }

        /** As a sentence names the column's values: "countries". */
        String plural() {
            return plural;
        }

        /** @throws ReportException (exit 3) for a word that is not a column, naming the ones there are */
        public static Column parse(String option, String word) {
            return find(word).orElseThrow(() -> new ReportException(ReportException.CONFIG_PROBLEM, option + " must be one of "
                    + Arrays.stream(values()).map(Column::column).toList() + ", got " + word));
        }

        static java.util.Optional<Column> find(String word) {
            return Arrays.stream(values()).filter(d -> d.column.equals(word.strip().toLowerCase(Locale.ROOT))).findFirst();
        }
    }

    /**
     * {@code --slices}' word: a column (region, country or plan), or a slices file ({@code .yaml} or {@code .yml}),
     * read here, relative names resolved in {@code folder}.
     *
     * @throws ReportException (exit 3) for a word that is neither, or a file that cannot be read or is not well made
     */
    static Dimension parse(String option, String word, Path folder) {
        java.util.Optional<Column> column = Column.find(word);
        if (column.isPresent()) {
            return column.get();
        }
        String name = word.strip().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, option + " must be one of "
                    + Arrays.stream(Column.values()).map(Column::column).toList() + " or a slices file (.yaml), got " + word);
        }
        return SliceFile.read(folder.resolve(word.strip()));
    }

    /** {@code --slices}' word, relative file names resolved in the working folder. */
    static Dimension parse(String option, String word) {
        return parse(option, word, Path.of(""));
    }
}
