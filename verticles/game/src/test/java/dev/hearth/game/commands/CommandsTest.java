package dev.hearth.game.commands;

import dev.hearth.game.testing.CommandTest;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.ErrorCode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hearth.game.testing.Events.help;
import static dev.hearth.game.testing.Events.said;
import static dev.hearth.game.testing.Events.tavern;
import static dev.hearth.game.testing.Events.who;
import static dev.hearth.game.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

/** look, say, who, help, and lines that are no command: input, and the exact output. */
class CommandsTest extends CommandTest {

    // --- look ---

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"look", "l", "LOOK", "L", "  look  "})
    void look_and_its_alias_show_the_room_in_any_case(String line) {
        expect(line, tavern("Alice"));
    }

    @Test
    void look_lists_everyone_in_the_room_sorted_by_name() {
        world.enter("carol", "g2");
        world.enter("Bob", "g1");
        expect("look", tavern("Alice", "Bob", "carol"));
    }

    // --- say ---

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"say Hello there", "SAY Hello there", "' Hello there", "'Hello there",
            "\" Hello there", "\"Hello there", "say    Hello there   "})
    void say_and_its_aliases_echo_the_text_to_the_speaker(String line) {
        expect(line, said("Alice", "Hello there", true));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"say", "say   ", "'", "\"", "say \u001b\n"})
    void saying_nothing_is_refused_with_the_usage(String line) {
        expectRefused(line, "Say what? Usage: say <text>");
    }

    @Test
    void say_keeps_the_case_and_punctuation_of_the_text() {
        expect("say 'Tis a FINE night, isn't it?", said("Alice", "'Tis a FINE night, isn't it?", true));
    }

    @Test
    void say_turns_control_characters_into_single_spaces() {
        expect("say hi\u001b[31m there\r\n\r\nfriend\u0007", said("Alice", "hi [31m there friend", true));
    }

    @Test
    void say_up_to_the_live_limit_is_fine_and_one_more_character_is_too_long() {
        world.settings().apply("game.say.max_length", "10");
        expect("say 1234567890", said("Alice", "1234567890", true));
        expectRejected("say 12345678901", ErrorCode.TOO_LONG,
                "That is too much to say at once: 11 characters, at most 10.");
    }

    @Test
    void say_counts_an_emoji_as_one_character() {
        world.settings().apply("game.say.max_length", "3");
        expect("say \uD83D\uDD25\uD83D\uDD25\uD83D\uDD25", said("Alice", "\uD83D\uDD25\uD83D\uDD25\uD83D\uDD25", true));
    }

    @Test
    void say_allows_five_hundred_characters_by_default() {
        String text = "a".repeat(500);
        expect("say " + text, said("Alice", text, true));
        assertThat(world.rejection(alice, "say " + text + "a").code()).isEqualTo(ErrorCode.TOO_LONG);
    }

    // --- who ---

    @Test
    void who_lists_the_players_online_sorted_and_each_once() {
        world.enter("carol", "g2");
        world.enter("Bob", "g1");
        world.enter("Bob", "g2");
        expect("who", who("Alice", "Bob", "carol"));
        expect("WHO", who("Alice", "Bob", "carol"));
    }

    @Test
    void who_lists_players_wherever_they_are() {
        var bob = world.enter("Bob", "g2");
        world.output(bob, "east");
        expect("who", who("Alice", "Bob"));
    }

    @Test
    void who_takes_no_arguments() {
        expectRefused("who am i", "'who' lists everyone online; it takes nothing after it. Usage: who");
    }

    // --- help ---

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"help", "?", "HELP"})
    void help_lists_every_command_with_a_one_line_summary(String line) {
        expect(line,
                help("Commands:"),
                help("  look [thing] (l) - Shows the room you are in, or a closer look at something or someone in it."),
                help("  go <exit> (n, s, e, w, u, d, north, south, east, west, up, down) - Goes through an exit."),
                help("  say <text> (', \") - Says something to everyone in the room."),
                help("  emote <action> (:, me) - Acts something out for everyone in the room."),
                help("  tell <player> <text> - Says something to one player only, wherever they are."),
                help("  who - Lists the players online."),
                help("  get <item> (take) - Picks something up."),
                help("  drop <item> - Puts something you carry down here."),
                help("  give <item> to <player> - Hands something you carry to someone here."),
                help("  inventory (i, inv) - Lists what you are carrying."),
                help("  chat <channel> <text> - Talks on a chat channel, heard by its members wherever they are."),
                help("  channels - Lists the chat channels, and which ones you are in."),
                help("  lobbies - Lists the lobbies of the barrel game: who waits in each, and whose match is on."),
                help("  join <lobby> - Waits in a lobby for a match of the barrel game."),
                help("  leave - Leaves your lobby, or the match you are in (your kills so far still count)."),
                help("  shoot <barrel> (fire) - Shoots a barrel in your match; whoever breaks it scores."),
                help("  score - Shows your score: the barrels you have broken in all your matches."),
                help("  top - Shows the leaderboard: who broke the most barrels, all time and in the last 24 hours."),
                help("  help [command] (?) - Lists the commands, or shows how to use one."),
                help("Type 'help <command>' to learn more about one."));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"help say", "help SAY", "help '", "? say", "?say", "? \""})
    void help_for_a_command_shows_its_usage_by_name_or_alias(String line) {
        expect(line,
                help("Usage: say <text>"),
                help("Aliases: ', \""),
                help("Says something to everyone in the room."),
                help("Shortcuts: 'Hello! and \"Hello! both say Hello!"));
    }

    @Test
    void help_for_a_command_without_aliases_shows_no_alias_line() {
        expect("help who", help("Usage: who"), help("Lists the players online."));
    }

    @Test
    void help_for_a_direction_is_the_help_of_go() {
        expect("help n",
                help("Usage: go <exit>"),
                help("Aliases: n, s, e, w, u, d, north, south, east, west, up, down"),
                help("Goes through an exit."),
                help("Directions work on their own: n, s, e, w, u, d, or north, south, east, west, up, down."),
                help("So does an exit's name: 'stairs' is 'go stairs'."));
    }

    @Test
    void help_for_an_unknown_command_suggests_a_near_miss() {
        expectRefused("help sya", "There is no command 'sya'. Did you mean 'say'? Type 'help' for a list.");
    }

    // --- lines that are no command ---

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "sya hello   | sya       | say",
            "lok         | lok       | look",
            "LOKO        | LOKO      | look",
            "hlep        | hlep      | help",
            "whoo        | whoo      | who",
            "sayy hi     | sayy      | say",
            "tkae bread  | tkae      | take",
            "inventroy   | inventroy | inventory",
            "nrth        | nrth      | north",
            "emot waves  | emot      | emote"})
    void an_unknown_command_suggests_the_command_one_typo_away(String line, String word, String suggestion) {
        expectRejected(line, ErrorCode.UNKNOWN_COMMAND,
                "Unknown command '" + word + "'. Did you mean '" + suggestion + "'? Type 'help' for a list.");
    }

    @Test
    void an_unknown_command_far_from_any_other_only_points_to_help() {
        expectRejected("xyzzy", ErrorCode.UNKNOWN_COMMAND, "Unknown command 'xyzzy'. Type 'help' for a list.");
        expectRejected("!", ErrorCode.UNKNOWN_COMMAND, "Unknown command '!'. Type 'help' for a list.");
    }

    @Test
    void an_unknown_command_that_is_very_long_is_shortened_in_the_message() {
        String word = "x".repeat(200);
        expectRejected(word, ErrorCode.UNKNOWN_COMMAND,
                "Unknown command '" + "x".repeat(29) + "...'. Type 'help' for a list.");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "\u001b\u0007", "\r\n\t"})
    void an_empty_line_is_refused(String line) {
        expectRefused(line, "Type a command, or 'help' for a list.");
    }

    @Test
    void a_command_message_that_is_not_a_player_command_is_a_bad_request_and_the_world_goes_on() {
        JsonObject reply = await(world.request(EdgeAddresses.GAME_COMMAND, new JsonObject().put("line", "look")));
        assertThat(CommandOutcome.fromJson(reply)).isEqualTo(
                CommandOutcome.rejected(ErrorCode.BAD_REQUEST, "The command could not be read."));
        expect("look", tavern("Alice"));
    }
}
