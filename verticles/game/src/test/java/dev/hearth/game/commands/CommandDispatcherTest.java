package dev.hearth.game.commands;

import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.CallTimeoutException;
import io.vertx.core.Future;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hearth.game.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that fails fails the dispatch (and so the character's call, which then changes
 * nothing); the edge turns the failure into an outcome (FailedCommandsTest).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandDispatcherTest {
    private static final SessionRef ALICE = new SessionRef("Alice", "g1", "hearth.session.a");

    @Test
    void a_command_that_throws_fails_the_dispatch() {
        assertThat(run(broken(() -> {
            throw new IllegalStateException("boom");
        }), "boom").cause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void a_command_whose_future_fails_fails_the_dispatch() {
        assertThat(run(broken(() -> Future.failedFuture(new CallTimeoutException(List.of("Room/tavern.announce"), 5000))), "boom")
                .cause()).isInstanceOf(CallTimeoutException.class);
    }

    @Test
    void a_line_that_cannot_be_done_is_an_outcome() {
        assertThat(run(broken(() -> Future.failedFuture("never run")), "nope").result())
                .extracting(o -> ((CommandOutcome.Rejected) o).code()).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
    }

    private static Future<CommandOutcome> run(Command<NoArgs> command, String line) {
        CommandRegistry registry = new CommandRegistry(List.of(command));
        CommandContext context = new CommandContext("c9", ALICE, null, null);
        Future<CommandOutcome> outcome = new CommandDispatcher(registry).dispatch(line, context);
        try {
            await(outcome);
        } catch (RuntimeException | AssertionError expected) {
            // inspected by the test
        }
        return outcome;
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
