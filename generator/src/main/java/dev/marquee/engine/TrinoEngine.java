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

    private TrinoEngine(Connection connection) {
        this.connection = connection;
    }

    public static TrinoEngine connect(String url, String user, String password) {
        TrinoConnectionProblem.rejectCredentialsIn(url);
        String name = user == null || user.isBlank() ? "marquee" : user;
        boolean withPassword = password != null && !password.isEmpty();
        Properties properties = new Properties();
        properties.setProperty("user", name);
        if (withPassword) {
            properties.setProperty("password", password);
        }
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            TrinoEngine engine = new TrinoEngine(connection);
            try {
                engine.query("SELECT 1");
            } catch (EngineException e) {
                connection.close();
                throw e;
            }
            return engine;
        } catch (SQLException | EngineException e) {
            // The driver's own messages, kept for --verbose, may quote the URL: they are redacted too.
            throw new EngineException(TrinoConnectionProblem.explain(url, withPassword, e), Redacted.copy(e, url));
        }
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
