package dev.marquee.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A Trino server over JDBC, where the data model's tables already exist. The URL names host, port, catalog and
 * schema ({@code jdbc:trino://host:8080/hive/marquee}); TLS settings go in the URL as Trino's driver takes them
 * ({@code ?SSL=true&SSLTrustStorePath=...}). User and password come from MARQUEE_TRINO_USER and MARQUEE_TRINO_PASSWORD.
 */
public final class TrinoEngine implements Engine {

    public static final String USER_VARIABLE = "MARQUEE_TRINO_USER";
    public static final String PASSWORD_VARIABLE = "MARQUEE_TRINO_PASSWORD";

    private final Connection connection;
    private final String url;

    private TrinoEngine(Connection connection, String url) {
        this.connection = connection;
        this.url = url;
    }

    public static TrinoEngine connect(String url, String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user == null || user.isBlank() ? "marquee" : user);
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            TrinoEngine engine = new TrinoEngine(connection, url);
            engine.query("SELECT 1");
            return engine;
        } catch (SQLException | EngineException e) {
            throw new EngineException(explain(url, e), e);
        }
    }

    /** Turns the driver's connection failures into what the user should check. */
    static String explain(String url, Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("connection refused") || lower.contains("failed to connect") || lower.contains("unknownhost")
                || lower.contains("timeout") || lower.contains("error executing query")) {
            return "cannot reach the Trino server at " + url + ": " + firstLine(message) + " (is it running, and is the host and port right?)";
        }
        if (lower.contains("401") || lower.contains("authentication") || lower.contains("unauthorized") || lower.contains("password")) {
            return "the Trino server at " + url + " refused the credentials: " + firstLine(message) + " (check "
                    + USER_VARIABLE + " and " + PASSWORD_VARIABLE + ")";
        }
        return "Trino at " + url + ": " + firstLine(message);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    public String url() {
        return url;
    }

    @Override
    public Dialect dialect() {
        return Dialect.TRINO;
    }

    @Override
    public void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    @Override
    public Table query(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Column> columns = columns(meta);
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

    @Override
    public void stream(String sql, RowHandler handler) {
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
    private static Object fastValue(ResultSet rs, int index, ColumnType type) throws SQLException {
        Object value = switch (type) {
            case INTEGER -> rs.getLong(index);
            case DECIMAL -> rs.getDouble(index);
            case TEXT -> rs.getString(index);
            case BOOLEAN -> rs.getBoolean(index);
            default -> value(rs, index, type);
        };
        return rs.wasNull() ? null : value;
    }

    @Override
    public List<Column> describe(String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            ResultSetMetaData meta = statement.getMetaData();
            if (meta != null) {
                return columns(meta);
            }
        } catch (SQLException e) {
            throw new EngineException(e.getMessage(), e);
        }
        return query("SELECT * FROM (" + sql + ") AS described LIMIT 0").columns();
    }

    private static List<Column> columns(ResultSetMetaData meta) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new Column(meta.getColumnLabel(i), ColumnType.ofJdbc(meta.getColumnType(i), meta.getColumnTypeName(i))));
        }
        return columns;
    }

    private static Object value(ResultSet rs, int index, ColumnType type) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case TEXT -> raw.toString();
            case INTEGER -> ((Number) raw).longValue();
            case DECIMAL -> raw instanceof java.math.BigDecimal d ? d : DuckDbEngine.stable(((Number) raw).doubleValue());
            case DATE -> raw instanceof java.sql.Date d ? d.toLocalDate() : java.time.LocalDate.parse(raw.toString());
            case TIMESTAMP -> raw instanceof java.sql.Timestamp t ? t.toLocalDateTime() : java.time.LocalDateTime.parse(raw.toString().replace(' ', 'T'));
            case BOOLEAN -> (Boolean) raw;
        };
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }
}
