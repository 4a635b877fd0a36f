package dev.hearth.game.commands;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsing needs no world: each command's syntax, alone. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandParsingTest {

    @Test
    void a_line_splits_into_its_command_word_and_trimmed_arguments() {
        assertThat(CommandLine.split("say  Hello  there ")).isEqualTo(new CommandLine("say", "Hello  there"));
        assertThat(CommandLine.split("look")).isEqualTo(new CommandLine("look", ""));
    }

    @Test
    void a_leading_symbol_is_a_command_word_by_itself() {
        assertThat(CommandLine.split("'hello")).isEqualTo(new CommandLine("'", "hello"));
        assertThat(CommandLine.split("\" hello")).isEqualTo(new CommandLine("\"", "hello"));
        assertThat(CommandLine.split("?say")).isEqualTo(new CommandLine("?", "say"));
    }

    @Test
    void a_letter_outside_ascii_starts_a_word_like_any_letter() {
        assertThat(CommandLine.split("éclair now")).isEqualTo(new CommandLine("éclair", "now"));
    }

    @Test
    void say_needs_text() {
        assertThat(new SayCommand().parse("hi")).isEqualTo(ParseResult.parsed(new SayCommand.Speech("hi")));
        assertThat(new SayCommand().parse("")).isEqualTo(ParseResult.invalid("Say what?"));
    }

    @Test
    void look_and_who_take_nothing() {
        assertThat(new LookCommand().parse("")).isEqualTo(ParseResult.parsed(NoArgs.INSTANCE));
        assertThat(new LookCommand().parse("fire")).isInstanceOf(ParseResult.Invalid.class);
        assertThat(new WhoCommand().parse("")).isEqualTo(ParseResult.parsed(NoArgs.INSTANCE));
        assertThat(new WhoCommand().parse("me")).isInstanceOf(ParseResult.Invalid.class);
    }

    @Test
    void help_takes_an_optional_topic() {
        assertThat(new HelpCommand().parse("")).isEqualTo(ParseResult.parsed(new HelpCommand.Topic(Optional.empty())));
        assertThat(new HelpCommand().parse("say")).isEqualTo(ParseResult.parsed(new HelpCommand.Topic(Optional.of("say"))));
    }
}
