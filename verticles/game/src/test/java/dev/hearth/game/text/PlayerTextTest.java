package dev.hearth.game.text;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlayerTextTest {

    @Test
    void ordinary_text_is_kept_as_typed() {
        assertThat(PlayerText.clean("Hello, 'world'! \u00e9 \u4f60\u597d \uD83D\uDD25")).isEqualTo("Hello, 'world'! \u00e9 \u4f60\u597d \uD83D\uDD25");
    }

    @Test
    void ansi_escapes_lose_their_escape_character() {
        assertThat(PlayerText.clean("\u001b[31mred\u001b[0m")).isEqualTo("[31mred [0m");
    }

    @Test
    void newlines_and_other_controls_collapse_into_one_space() {
        assertThat(PlayerText.clean("one\r\n\r\ntwo\tthree\u0000four\u007ffive\u0085six")).isEqualTo("one two three four five six");
    }

    @Test
    void spaces_around_a_control_fold_into_one_space() {
        assertThat(PlayerText.clean("one \ntwo")).isEqualTo("one two");
        assertThat(PlayerText.clean("one\n two")).isEqualTo("one two");
        assertThat(PlayerText.clean("one  \u001b  two")).isEqualTo("one two");
        assertThat(PlayerText.clean("one  two")).isEqualTo("one  two");
    }

    @Test
    void unicode_line_breaks_and_direction_overrides_are_removed() {
        assertThat(PlayerText.clean("a\u2028b\u2029c\u202Ed\u2066e")).isEqualTo("a b c d e");
    }

    @Test
    void direction_marks_are_removed_too() {
        // Invisible, and enough to reorder the neutral characters around them on screen.
        assertThat(PlayerText.clean("a\u200Eb\u200Fc\u061Cd")).isEqualTo("a b c d");
    }

    @Test
    void a_lone_surrogate_becomes_a_replacement_character() {
        assertThat(PlayerText.clean("a\uD800b")).isEqualTo("a\uFFFDb");
    }

    @Test
    void the_result_is_trimmed_and_null_is_empty() {
        assertThat(PlayerText.clean("  \n hi \u001b ")).isEqualTo("hi");
        assertThat(PlayerText.clean(null)).isEmpty();
    }

    @Test
    void length_counts_characters_as_players_see_them() {
        assertThat(PlayerText.length("\uD83D\uDD25\uD83D\uDD25")).isEqualTo(2);
    }
}
