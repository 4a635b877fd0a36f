package dev.hearth.game.commands;

import dev.hearth.game.text.EditDistance;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandRegistryTest {
    private final CommandRegistry registry = GameCommands.registry();

    @Test
    void finds_commands_by_name_or_alias_in_any_case() {
        assertThat(registry.find("LoOk")).containsInstanceOf(LookCommand.class);
        assertThat(registry.find("L")).containsInstanceOf(LookCommand.class);
        assertThat(registry.find("'")).containsInstanceOf(SayCommand.class);
        assertThat(registry.find("\"")).containsInstanceOf(SayCommand.class);
        assertThat(registry.find("?")).containsInstanceOf(HelpCommand.class);
        assertThat(registry.find("sayy")).isEmpty();
    }

    @Test
    void two_commands_claiming_one_word_are_refused_at_start() {
        assertThatThrownBy(() -> new CommandRegistry(List.of(new SayCommand(), new SayCommand())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'say' is claimed by both say and say");
    }

    @Test
    void suggests_a_near_miss_by_the_word_it_was_near() {
        assertThat(registry.suggest("hepl")).containsExactly("help");
        assertThat(registry.suggest("tkae")).containsExactly("take");
        assertThat(registry.suggest("nrth")).containsExactly("north");
        assertThat(registry.suggest("l")).isEmpty();
    }

    @Test
    void finds_the_new_commands_by_their_aliases() {
        assertThat(registry.find("take")).containsInstanceOf(GetCommand.class);
        assertThat(registry.find("i")).containsInstanceOf(InventoryCommand.class);
        assertThat(registry.find("inv")).containsInstanceOf(InventoryCommand.class);
        assertThat(registry.find(":")).containsInstanceOf(EmoteCommand.class);
        assertThat(registry.find("me")).containsInstanceOf(EmoteCommand.class);
        assertThat(registry.find("N")).containsInstanceOf(GoCommand.class);
        assertThat(registry.find("down")).containsInstanceOf(GoCommand.class);
    }

    @Test
    void a_registry_can_be_extended_with_more_commands() {
        CommandRegistry more = registry.with(List.of(named("shout")));
        assertThat(more.find("shout")).isPresent();
        assertThat(more.all().getLast().name()).isEqualTo("shout");
        assertThatThrownBy(() -> registry.with(List.of(named("say")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_single_letter_or_symbol_gets_no_suggestion() {
        assertThat(registry.suggest("x")).isEmpty();
        assertThat(registry.suggest("!")).isEmpty();
    }

    @Test
    void lists_several_near_misses_closest_first() {
        CommandRegistry similar = new CommandRegistry(List.of(named("sit"), named("say"), named("see")));
        assertThat(similar.suggest("zz")).isEmpty();
        assertThat(similar.suggest("sae")).containsExactly("say", "see");
        assertThat(similar.unknown("Unknown command {}.", "sae"))
                .isEqualTo("Unknown command 'sae'. Did you mean 'say' or 'see'? Type 'help' for a list.");
    }

    @Test
    void edit_distance_counts_a_swap_of_neighbours_as_one_typo() {
        assertThat(EditDistance.between("sya", "say")).isEqualTo(1);
        assertThat(EditDistance.between("look", "look")).isZero();
        assertThat(EditDistance.between("", "who")).isEqualTo(3);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    }

    /** A command that only has a name, for registry tests. */
    private static Command<NoArgs> named(String name) {
        return new Command<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String usage() {
                return name;
            }

            @Override
            public String summary() {
                return "";
            }

            @Override
            public ParseResult<NoArgs> parse(String args) {
                return ParseResult.parsed(NoArgs.INSTANCE);
            }

            @Override
            public Future<CommandOutcome> execute(NoArgs args, CommandContext context) {
                return Future.succeededFuture(CommandOutcome.done());
            }
        };
    }
}
