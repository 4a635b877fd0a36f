package dev.hearth.gateway.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashingConfigTest {

    @Test
    void theOwaspProfileIsOwaspsArgon2idMinimum() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        assertThat(HashingConfig.owasp()).isEqualTo(new HashingConfig(19_456, 2, 1, threads, 16));
        assertThat(HashingConfig.owasp().capacity()).isEqualTo(threads + 16);
    }

    @Test
    void profilesAreFoundByNameIgnoringCaseAndSpaces() {
        assertThat(HashingConfig.named("owasp")).isEqualTo(HashingConfig.owasp());
        assertThat(HashingConfig.named(" Cheap ")).isEqualTo(HashingConfig.cheap());
    }

    @Test
    void anUnknownProfileNameIsAClearError() {
        assertThatThrownBy(() -> HashingConfig.named("fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fast'")
                .hasMessageContaining("'owasp' or 'cheap'");
        assertThatThrownBy(() -> HashingConfig.named(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesSettingsArgon2OrThePoolCannotWorkWith() {
        assertThatThrownBy(() -> new HashingConfig(4, 1, 1, 1, 0)).hasMessageContaining("memory");
        assertThatThrownBy(() -> new HashingConfig(1024, 0, 1, 1, 0)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new HashingConfig(1024, 1, 0, 1, 0)).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> new HashingConfig(1024, 1, 1, 0, 0)).hasMessageContaining("threads");
        assertThatThrownBy(() -> new HashingConfig(1024, 1, 1, 1, -1)).hasMessageContaining("queue");
    }
}
