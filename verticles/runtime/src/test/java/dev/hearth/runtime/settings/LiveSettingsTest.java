package dev.hearth.runtime.settings;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveSettingsTest {
    private static final Setting<Integer> LIMIT = Setting.integer("chat.limit", 10, 1, 100, "a limit");
    private static final Setting<String> MOTD = Setting.text("motd", "hello", 20, "greeting");
    private static final Setting<Boolean> OPEN = Setting.bool("doors.open", true, "doors");

    private final LiveSettings settings = new LiveSettings().register(LIMIT, MOTD, OPEN);

    @Test
    void usesTheDefaultUntilAValueArrives() {
        assertThat(settings.get(LIMIT)).isEqualTo(10);
        assertThat(settings.apply("chat.limit", "42")).isTrue();
        assertThat(settings.get(LIMIT)).isEqualTo(42);
    }

    @Test
    void refusesABadValueAndKeepsTheOldOne() {
        settings.apply("chat.limit", "42");
        assertThat(settings.apply("chat.limit", "lots")).isFalse();
        assertThat(settings.apply("chat.limit", "1000")).isFalse();
        assertThat(settings.apply("motd", "x".repeat(21))).isFalse();
        assertThat(settings.apply("doors.open", "maybe")).isFalse();
        assertThat(settings.get(LIMIT)).isEqualTo(42);
        assertThat(settings.get(MOTD)).isEqualTo("hello");
        assertThat(settings.get(OPEN)).isTrue();
    }

    @Test
    void aDeletedRowRestoresTheDefault() {
        settings.apply("motd", "changed");
        settings.apply("motd", null);
        assertThat(settings.get(MOTD)).isEqualTo("hello");
    }

    @Test
    void tellsListenersOnlyOfRealChanges() {
        List<Integer> seen = new ArrayList<>();
        settings.onChange(LIMIT, seen::add);
        settings.apply("chat.limit", "5");
        settings.apply("chat.limit", "5");
        settings.apply("chat.limit", "nope");
        settings.apply("chat.limit", "6");
        assertThat(seen).containsExactly(5, 6);
    }

    @Test
    void ignoresKeysThisNodeDoesNotUse() {
        assertThat(settings.apply("someone.elses", "anything")).isTrue();
        assertThat(settings.snapshot()).containsOnlyKeys("chat.limit", "motd", "doors.open");
    }

    @Test
    void rejectsTheSameKeyDeclaredTwice() {
        assertThatThrownBy(() -> settings.register(Setting.integer("chat.limit", 1, 0, 2, "again")))
                .isInstanceOf(IllegalStateException.class);
    }
}
