package dev.hearth.node.it.entities;

import dev.hearth.runtime.db.DatabaseUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Reads the entities table directly: the fence's own record of who owns what, at which epoch. */
final class EntityRows {
    /** One entity's row; {@code state} is its JSON text. */
    record Row(String owner, long epoch, long version, String state) {
    }

    private final DatabaseUrl db;

    EntityRows(DatabaseUrl db) {
        this.db = db;
    }

    Row row(String type, String key) {
        Map<String, Row> rows = query("SELECT key, owner, epoch, version, state::text FROM entities WHERE type = ? AND key = ?", type, key);
        if (rows.isEmpty()) throw new AssertionError("no row for " + type + "/" + key);
        return rows.get(key);
    }

    /** Every row of a type, by key. */
    Map<String, Row> rows(String type) {
        return query("SELECT key, owner, epoch, version, state::text FROM entities WHERE type = ?", type);
    }

    /** Transfers sent and not yet applied by their receivers. */
    long pendingTransfers() {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM entity_transfers")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count transfers", e);
        }
    }

    private Map<String, Row> query(String sql, String... args) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setString(i + 1, args[i]);
            Map<String, Row> rows = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) rows.put(rs.getString(1), new Row(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
