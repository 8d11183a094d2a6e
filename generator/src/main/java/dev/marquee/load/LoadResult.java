package dev.marquee.load;

import dev.marquee.model.Problem;
import dev.marquee.model.SetAside;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the load stage put into the engine, and what it had to set aside or could not read.
 *
 * @param problems     fatal problems, notes, and a sample of the rows set aside
 * @param setAside     counts of rows set aside, per table and rule
 * @param enumColumns  the text columns ({@code table.column}) stored as DuckDB ENUMs ({@link Dictionaries})
 */
public record LoadResult(List<LoadedTable> tables, List<Problem> problems, List<SetAside> setAside, List<RowLocator> locators,
                         Set<String> enumColumns) {

    public LoadResult {
        tables = List.copyOf(tables);
        problems = List.copyOf(problems);
        setAside = List.copyOf(setAside);
        locators = List.copyOf(locators);
        enumColumns = Set.copyOf(enumColumns);
    }

    public Optional<LoadedTable> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public boolean has(String name) {
        return table(name).isPresent();
    }

    public Optional<RowLocator> locator(String table) {
        return locators.stream().filter(l -> l.table().equals(table)).findFirst();
    }
}
