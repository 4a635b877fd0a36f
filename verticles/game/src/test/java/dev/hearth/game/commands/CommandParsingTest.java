package dev.hearth.game.commands;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
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
    void who_and_inventory_take_nothing() {
        assertThat(new WhoCommand().parse("")).isEqualTo(ParseResult.parsed(NoArgs.INSTANCE));
        assertThat(new WhoCommand().parse("me")).isInstanceOf(ParseResult.Invalid.class);
        assertThat(new InventoryCommand().parse("")).isEqualTo(ParseResult.parsed(NoArgs.INSTANCE));
        assertThat(new InventoryCommand().parse("all")).isInstanceOf(ParseResult.Invalid.class);
    }

    @Test
    void look_takes_an_optional_thing_with_or_without_at() {
        assertThat(new LookCommand().parse("")).isEqualTo(ParseResult.parsed(new LookCommand.Target(Optional.empty())));
        assertThat(new LookCommand().parse("lantern")).isEqualTo(ParseResult.parsed(new LookCommand.Target(Optional.of("lantern"))));
        assertThat(new LookCommand().parse("at the cat")).isEqualTo(ParseResult.parsed(new LookCommand.Target(Optional.of("the cat"))));
    }

    @Test
    void go_takes_an_exit_and_a_direction_alone_is_where_to_go() {
        GoCommand go = new GoCommand();
        assertThat(go.parse("go", "stairs")).isEqualTo(ParseResult.parsed(new GoCommand.Destination("stairs")));
        assertThat(go.parse("go", "")).isEqualTo(ParseResult.invalid("Go where?"));
        assertThat(go.parse("n", "")).isEqualTo(ParseResult.parsed(new GoCommand.Destination("n")));
        assertThat(go.parse("north", "")).isEqualTo(ParseResult.parsed(new GoCommand.Destination("north")));
        assertThat(go.parse("north", "quickly")).isEqualTo(ParseResult.invalid("'north' goes north; it takes nothing after it."));
    }

    @Test
    void tell_takes_a_player_then_the_text() {
        assertThat(new TellCommand().parse("Bob  meet me at the well"))
                .isEqualTo(ParseResult.parsed(new TellCommand.Message("Bob", "meet me at the well")));
        assertThat(new TellCommand().parse("")).isEqualTo(ParseResult.invalid("Tell whom what?"));
        assertThat(new TellCommand().parse("Bob")).isEqualTo(ParseResult.invalid("Tell Bob what?"));
    }

    @Test
    void give_reads_item_to_player_or_player_then_item() {
        GiveCommand give = new GiveCommand();
        assertThat(give.parse("brass lantern to Bob")).isEqualTo(ParseResult.parsed(
                new GiveCommand.Gift(List.of(new GiveCommand.Reading("brass lantern", "Bob")))));
        assertThat(give.parse("Bob brass lantern")).isEqualTo(ParseResult.parsed(new GiveCommand.Gift(List.of(
                new GiveCommand.Reading("brass lantern", "Bob"), new GiveCommand.Reading("Bob brass", "lantern")))));
        assertThat(give.parse("")).isEqualTo(ParseResult.invalid("Give what to whom?"));
        assertThat(give.parse("lantern")).isEqualTo(ParseResult.invalid("Give the lantern to whom?"));
    }

    @Test
    void emote_get_and_drop_need_something() {
        assertThat(new EmoteCommand().parse("waves.")).isEqualTo(ParseResult.parsed(new EmoteCommand.Action("waves.")));
        assertThat(new EmoteCommand().parse("")).isEqualTo(ParseResult.invalid("Emote what?"));
        assertThat(new GetCommand().parse("")).isEqualTo(ParseResult.invalid("Get what?"));
        assertThat(new DropCommand().parse("")).isEqualTo(ParseResult.invalid("Drop what?"));
    }

    @Test
    void help_takes_an_optional_topic() {
        assertThat(new HelpCommand().parse("")).isEqualTo(ParseResult.parsed(new HelpCommand.Topic(Optional.empty())));
        assertThat(new HelpCommand().parse("say")).isEqualTo(ParseResult.parsed(new HelpCommand.Topic(Optional.of("say"))));
    }
}
