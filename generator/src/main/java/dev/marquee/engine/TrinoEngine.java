package dev.marquee.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
        JdbcResults.execute(connection, sql);
    }

    @Override
    public Table query(String sql) {
        return JdbcResults.query(connection, sql);
    }

    @Override
    public void stream(String sql, RowHandler handler) {
        JdbcResults.stream(connection, sql, handler);
    }

    @Override
    public List<Column> describe(String sql) {
        return JdbcResults.describe(connection, sql)
                .orElseGet(() -> query("SELECT * FROM (" + sql + ") AS described LIMIT 0").columns());
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
