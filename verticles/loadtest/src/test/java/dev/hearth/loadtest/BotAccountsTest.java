package dev.hearth.loadtest;

import de.mkammerer.argon2.Argon2Factory;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotAccountsTest {

    @Test
    void theSeededHashIsAnArgon2idOfTheBotsPasswordAtTheCheapTestCost() {
        assertThat(BotAccounts.PASSWORD_HASH).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        // The gateway verifies with the same library (argon2-jvm), reading the cost from the hash.
        assertThat(Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id)
                .verify(BotAccounts.PASSWORD_HASH, BotAccounts.PASSWORD.toCharArray(), StandardCharsets.UTF_8)).isTrue();
        // The gateway's registration rules: 10 to 128 characters.
        assertThat(BotAccounts.PASSWORD.length()).isBetween(10, 128);
    }

    @Test
    void databaseUrlsAreReadAsTheNodeWritesThem() {
        PgConnectOptions options = BotAccounts.connectOptions("jdbc:postgresql://bots:secret@127.0.0.1:15432/world");
        assertThat(options.getHost()).isEqualTo("127.0.0.1");
        assertThat(options.getPort()).isEqualTo(15432);
        assertThat(options.getDatabase()).isEqualTo("world");
        assertThat(options.getUser()).isEqualTo("bots");
        assertThat(options.getPassword()).isEqualTo("secret");
        assertThatThrownBy(() -> BotAccounts.connectOptions("mysql://bots:secret@host/db"))
                .hasMessageContaining("not a PostgreSQL URL").hasMessageNotContaining("secret");
    }
}
