package dev.hearth.game.commands;

import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.Future;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hearth.game.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A bug in one command becomes an "internal" answer naming the command id, never a lost reply. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandDispatcherTest {
    private static final SessionRef ALICE = new SessionRef("Alice", "g1", "hearth.session.a");

    @Test
    void a_command_that_throws_is_answered_as_internal_with_the_command_id() {
        assertThat(run(broken(() -> {
            throw new IllegalStateException("boom");
        }), "boom")).isEqualTo(CommandOutcome.rejected(ErrorCode.INTERNAL,
                "Something went wrong on our side; it has been logged (command c9)."));
    }

    @Test
    void a_command_whose_future_fails_is_answered_as_internal() {
        assertThat(run(broken(() -> Future.failedFuture("no")), "boom"))
                .isInstanceOf(CommandOutcome.Rejected.class)
                .extracting(o -> ((CommandOutcome.Rejected) o).code()).isEqualTo(ErrorCode.INTERNAL);
    }

    private static CommandOutcome run(Command<NoArgs> command, String line) {
        CommandRegistry registry = new CommandRegistry(List.of(command));
        CommandContext context = new CommandContext("c9", ALICE, null, null);
        return await(new CommandDispatcher(registry).dispatch(line, context));
    }

    private static Command<NoArgs> broken(java.util.function.Supplier<Future<CommandOutcome>> body) {
        return new Command<>() {
            @Override
            public String name() {
                return "boom";
            }

            @Override
            public String usage() {
                return "boom";
            }

            @Override
            public String summary() {
                return "Fails.";
            }

            @Override
            public ParseResult<NoArgs> parse(String args) {
                return ParseResult.parsed(NoArgs.INSTANCE);
            }

            @Override
            public Future<CommandOutcome> execute(NoArgs args, CommandContext context) {
                return body.get();
            }
        };
    }
}
