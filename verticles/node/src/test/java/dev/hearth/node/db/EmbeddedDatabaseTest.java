package dev.hearth.node.db;

import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.db.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @Test
    void keepsTheWorldAcrossARestartAndLetsASecondNodeShareIt(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        String firstId;
        try (EmbeddedDatabase first = EmbeddedDatabase.startOrJoin(dataDir, port)) {
            assertThat(first.ownedByThisNode()).isTrue();
            Migrations.apply(first.url());
            firstId = DatabaseIdentity.read(first.url());
            update(first.url(), "INSERT INTO settings (key, value) VALUES ('motd', 'still here')");

            try (EmbeddedDatabase second = EmbeddedDatabase.startOrJoin(dataDir, freePort())) {
                assertThat(second.ownedByThisNode()).isFalse();
                assertThat(second.url().port()).isEqualTo(port);
                assertThat(DatabaseIdentity.read(second.url())).isEqualTo(firstId);
            }
            // The sharer's close() must not stop the owner's server.
            assertThat(DatabaseIdentity.read(first.url())).isEqualTo(firstId);
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.startOrJoin(dataDir, port)) {
            assertThat(again.ownedByThisNode()).isTrue();
            Migrations.apply(again.url());
            assertThat(DatabaseIdentity.read(again.url())).isEqualTo(firstId);
            assertThat(query(again.url(), "SELECT value FROM settings WHERE key = 'motd'")).isEqualTo("still here");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void update(DatabaseUrl url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            c.createStatement().executeUpdate(sql);
        }
    }

    private static String query(DatabaseUrl url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
