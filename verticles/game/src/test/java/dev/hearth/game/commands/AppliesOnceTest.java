package dev.hearth.game.commands;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which lines must apply once (sent with the client's command id) and which go as plain
 * calls: reads and speech. Needs no world: it is decided from the line alone.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AppliesOnceTest {
    private final CommandRegistry registry = GameCommands.registry();

    private boolean appliesOnce(String line) {
        return registry.read(line).orElseThrow().appliesOnce();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"look", "l", "LOOK", "look at lantern", "who", "help", "help say", "?", "?say", "inventory", "i", "inv",
            "score", "top", "lobbies", "channels", "lobbies now"})
    void reads_need_not_apply_once(String line) {
        assertThat(appliesOnce(line)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"say hello", "'hello", "\" hello", "say", "emote waves.", ":waves.", "me waves.", "tell Bob hi",
            "chat ooc hello", "CHAT ooc join me"})
    void speech_need_not_apply_once(String line) {
        assertThat(appliesOnce(line)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"go north", "north", "n", "D", "get bread", "take bread", "drop bread", "give bread to Bob",
            "join arena", "leave", "shoot barrel", "chat join ooc", "chat JOIN ooc", "chat leave ooc"})
    void what_changes_the_world_applies_once(String line) {
        assertThat(appliesOnce(line)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"chat", "chat ooc", "chat join"})
    void a_chat_line_that_joins_or_leaves_nothing_need_not_apply_once(String line) {
        // Refused, so it changes nothing.
        assertThat(appliesOnce(line)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"stairs", "xyzzy", "sayy hello", "lok"})
    void a_word_that_names_no_command_applies_once_as_an_exit_typed_bare_may_be_go(String line) {
        assertThat(registry.read(line).orElseThrow().named()).isEmpty();
        assertThat(appliesOnce(line)).isTrue();
    }

    @Test
    void a_line_is_read_as_the_dispatcher_reads_it() {
        assertThat(registry.read("\n  Say \u001b hi  there ")).hasValueSatisfying(typed -> {
            assertThat(typed.word()).isEqualTo("Say");
            assertThat(typed.args()).isEqualTo("hi  there");
            assertThat(typed.named()).containsInstanceOf(SayCommand.class);
        });
        assertThat(registry.read("'hi")).hasValueSatisfying(typed -> {
            assertThat(typed.word()).isEqualTo("'");
            assertThat(typed.args()).isEqualTo("hi");
            assertThat(typed.named()).containsInstanceOf(SayCommand.class);
        });
        assertThat(registry.read(" \u0000 ")).as("nothing left once cleaned").isEmpty();
    }
}
