package dev.marquee.engine;

import java.sql.Types;

/** The kinds of values a result holds once it leaves the engine. */
public enum ColumnType {
    TEXT, INTEGER, DECIMAL, DATE, TIMESTAMP, BOOLEAN;

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP;
    }

    static ColumnType ofJdbc(int sqlType, String typeName) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.FLOAT, Types.REAL, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            default -> fromName(typeName);
        };
    }

    private static ColumnType fromName(String typeName) {
        String name = typeName == null ? "" : typeName.toUpperCase(java.util.Locale.ROOT);
        if (name.equals("HUGEINT") || name.equals("UBIGINT") || name.equals("UINTEGER") || name.equals("USMALLINT") || name.equals("UTINYINT")) {
            return INTEGER;
        }
        if (name.startsWith("DECIMAL") || name.equals("DOUBLE") || name.equals("FLOAT")) {
            return DECIMAL;
        }
        if (name.equals("DATE")) {
            return DATE;
        }
        if (name.startsWith("TIMESTAMP")) {
            return TIMESTAMP;
        }
        return TEXT;
    }
}
