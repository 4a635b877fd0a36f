package dev.hearth.node.config;

import dev.hearth.node.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @Test
    void defaultsMakeAPlayableSingleNode() {
        NodeConfig config = ConfigLoader.load(List.of(), Map.of());
        assertThat(config.role()).isEqualTo(Role.ALL);
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.database().url()).isEmpty();
        assertThat(config.cluster().members()).containsExactly("127.0.0.1");
        assertThat(config.cluster().failureDetection()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.auth().passwordHashing()).isEqualTo("owasp");
        assertThat(config.nodeName()).startsWith("all-");
        assertThat(config.auth().privateKey()).isEqualTo(config.dataDir().resolve("keys/jwt-private.pem"));
    }

    @Test
    void aFileOverridesDefaultsAndTheEnvironmentOverridesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("hearth.properties");
        Files.writeString(file, "http.port=9000\nrole=game\ncluster.members=10.0.0.1, 10.0.0.2:5702\n");
        NodeConfig config = ConfigLoader.load(List.of("--config", file.toString()), Map.of("HEARTH_HTTP_PORT", "9100"));
        assertThat(config.http().port()).isEqualTo(9100);
        assertThat(config.role()).isEqualTo(Role.GAME);
        assertThat(config.cluster().members()).containsExactly("10.0.0.1", "10.0.0.2:5702");
    }

    @Test
    void readsTheFileNamedByHearthConfig(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("n.properties");
        Files.writeString(file, "node.name=east-1\n");
        assertThat(ConfigLoader.load(List.of(), Map.of("HEARTH_CONFIG", file.toString())).nodeName()).isEqualTo("east-1");
    }

    @Test
    void listsEveryProblemAtOnce(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "htp.port=1\n");
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--config", file.toString()),
                Map.of("HEARTH_ROLE", "wizard", "HEARTH_HTTP_PORT", "eighty", "HEARTH_TOKEN_MINUTES", "0",
                        "HEARTH_PASSWORD_HASHING", "md5", "HEARTH_NODE_NAME", "has space")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'htp.port'")
                .hasMessageContaining("role (HEARTH_ROLE): 'wizard' is not a role")
                .hasMessageContaining("http.port (HEARTH_HTTP_PORT): 'eighty' is not a whole number")
                .hasMessageContaining("token.minutes (HEARTH_TOKEN_MINUTES): 0 is outside 1..1440")
                .hasMessageContaining("password.hashing")
                .hasMessageContaining("node.name");
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        assertThatThrownBy(() -> ConfigLoader.load(List.of("--config", "/no/such/file"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/no/such/file");
    }

    @Test
    void managementCanBeSwitchedOff() {
        assertThat(ConfigLoader.load(List.of(), Map.of("HEARTH_MANAGEMENT_PORT", "-1")).management().enabled()).isFalse();
    }
}
