package dev.marquee.model;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data model, read once from {@code model/tables.yaml} on the class path.
 * Loading and validation both follow it; the data-model page is written from it.
 */
public record DataModel(List<TableSpec> tables) {

    public static final String REGIONS_RESOURCE = "/model/regions.csv";

    public DataModel {
        tables = List.copyOf(tables);
    }

    public Optional<TableSpec> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The tables whose rows are members' own (they carry a member id): whatever is read from them describes members. */
    public java.util.Set<String> memberTables() {
        return tables.stream().filter(t -> t.column("user_id").isPresent()).map(TableSpec::name)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    public List<String> tableNames() {
        return tables.stream().map(TableSpec::name).toList();
    }

    /** Names that identify a member in any data set, whatever this model calls its tables. */
    private static final List<String> USUAL_MEMBER_IDENTIFIERS = List.of("user_id", "member_id", "customer_id");

    /**
     * The column names that identify a member or one of a member's records, never to be published: the usual names
     * of a member id, every column that references a member, and the key of every table whose rows belong to a
     * member (a subscription id, a payment id).
     */
    public java.util.Set<String> memberIdentifiers() {
        java.util.Set<String> names = new java.util.TreeSet<>(USUAL_MEMBER_IDENTIFIERS);
        for (TableSpec table : tables) {
            for (ColumnSpec column : table.columns()) {
                String referenced = column.references().map(r -> r.substring(r.indexOf('.') + 1)).orElse("");
                if (USUAL_MEMBER_IDENTIFIERS.contains(referenced)) {
                    names.add(column.name());
                    names.addAll(table.key());
                }
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    public static DataModel standard() {
        try (InputStream in = DataModel.class.getResourceAsStream("/model/tables.yaml")) {
            if (in == null) {
                throw new IllegalStateException("model/tables.yaml is missing from the class path");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return fromYaml(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static DataModel fromYaml(Map<String, Object> root) {
        List<TableSpec> tables = new ArrayList<>();
        root.forEach((tableName, value) -> {
            Map<String, Object> table = (Map<String, Object>) value;
            List<ColumnSpec> columns = new ArrayList<>();
            ((Map<String, Object>) table.get("columns")).forEach((columnName, spec) -> {
                Map<String, Object> c = (Map<String, Object>) spec;
                columns.add(new ColumnSpec(columnName, (String) c.get("type"),
                        Boolean.TRUE.equals(c.get("required")),
                        Optional.ofNullable((Number) c.get("min")).map(Number::doubleValue),
                        Optional.ofNullable((Number) c.get("max")).map(Number::doubleValue),
                        ((List<Object>) c.getOrDefault("allowed", List.of())).stream().map(String::valueOf).toList(),
                        Optional.ofNullable((String) c.get("references")),
                        Boolean.TRUE.equals(c.get("not_after_as_of")),
                        Optional.ofNullable((Number) c.get("max_length")).map(Number::intValue),
                        (String) c.getOrDefault("description", ""), Boolean.TRUE.equals(c.get("price"))));
            });
            tables.add(new TableSpec(tableName, (String) table.getOrDefault("description", ""),
                    (List<String>) table.getOrDefault("key", List.of()), columns, Optional.ofNullable((String) table.get("builtin")),
                    Boolean.TRUE.equals(table.get("personal"))));
        });
        return new DataModel(tables);
    }
}
