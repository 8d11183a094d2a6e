package dev.marquee.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** JDBC work both engines share: statements, results as tables or streams, and values in the report's types. */
final class JdbcResults {

    private JdbcResults() {
    }

    static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    static Table query(Connection connection, String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<Column> columns = columns(rs.getMetaData());
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    row.add(value(rs, i + 1, columns.get(i).type()));
                }
                rows.add(row);
            }
            return new Table(columns, rows);
        } catch (SQLException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    static void stream(Connection connection, String sql, Engine.RowHandler handler) {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery(sql)) {
                List<Column> columns = columns(rs.getMetaData());
                handler.columns(columns);
                Object[] values = new Object[columns.size()];
                while (rs.next()) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = fastValue(rs, i + 1, columns.get(i).type());
                    }
                    handler.row(values);
                }
            }
        } catch (SQLException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    /** Primitive getters for streamed rows: numbers arrive as Long or Double, never BigDecimal. */
    static Object fastValue(ResultSet rs, int index, ColumnType type) throws SQLException {
        Object value = switch (type) {
            case INTEGER -> rs.getLong(index);
            case DECIMAL -> rs.getDouble(index);
            case TEXT -> rs.getString(index);
            case BOOLEAN -> rs.getBoolean(index);
            default -> value(rs, index, type);
        };
        return rs.wasNull() ? null : value;
    }

    /** The columns of a prepared statement, or empty when the driver cannot tell without running it. */
    static java.util.Optional<List<Column>> describe(Connection connection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            ResultSetMetaData meta = statement.getMetaData();
            return meta == null ? java.util.Optional.empty() : java.util.Optional.of(columns(meta));
        } catch (SQLException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    static List<Column> columns(ResultSetMetaData meta) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new Column(meta.getColumnLabel(i), ColumnType.ofJdbc(meta.getColumnType(i), meta.getColumnTypeName(i))));
        }
        return columns;
    }

    static Object value(ResultSet rs, int index, ColumnType type) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case TEXT -> raw.toString();
            case INTEGER -> raw instanceof Number n && !(raw instanceof java.math.BigInteger) ? Long.valueOf(n.longValue()) : Long.valueOf(raw.toString());
            case DECIMAL -> raw instanceof java.math.BigDecimal d ? d : Table.stable(((Number) raw).doubleValue());
            case DATE -> raw instanceof java.sql.Date d ? d.toLocalDate() : java.time.LocalDate.parse(raw.toString());
            case TIMESTAMP -> raw instanceof Timestamp t ? t.toLocalDateTime() : raw instanceof java.time.LocalDateTime l ? l : java.time.LocalDateTime.parse(raw.toString().replace(' ', 'T'));
            case BOOLEAN -> raw instanceof Boolean b ? b : Boolean.valueOf(raw.toString());
        };
    }

}
