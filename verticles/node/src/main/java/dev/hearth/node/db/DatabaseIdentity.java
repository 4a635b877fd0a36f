package dev.hearth.node.db;

import dev.hearth.runtime.db.DatabaseUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads the id the first migration gave this database (blocking; start-up only). */
public final class DatabaseIdentity {
    private DatabaseIdentity() {
    }

    public static String read(DatabaseUrl url) {
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM hearth_meta WHERE key = 'database_id'")) {
            if (!rs.next()) throw new IllegalStateException("Database " + url + " has no database_id in hearth_meta");
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database id from " + url + ": " + e.getMessage(), e);
        }
    }
}
