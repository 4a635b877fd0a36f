package dev.hearth.game.commands;

import dev.hearth.game.testing.FakeGateway;
import dev.hearth.game.testing.SeededWorld;
import dev.hearth.game.testing.TestWorld;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.CallTimeoutException;
import dev.hearth.runtime.entity.EntityUnavailableException;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static dev.hearth.game.testing.Events.BREAD;
import static dev.hearth.game.testing.Events.inventory;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that fails fails the character's call, so what it changed and sent is not kept
 * (docs/entities.md: a failed call changes nothing), and the player is told why with the codes
 * of docs/protocol.md. Here 'give' fails after it has taken the item and sent it, as when the
 * room does not answer its announcement in time.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FailedCommandsTest {
    @AutoClose
    private final TestWorld world = TestWorld.start(SeededWorld.catalog(), game -> game.commands(GameCommands.registry().with(List.of(
            new GiveThen("give-then-timeout", () -> new CallTimeoutException(List.of("Character/alice.command", "Room/kitchen.announce"), 5000)),
            new GiveThen("give-then-unavailable", () -> new EntityUnavailableException("Room/kitchen is unavailable")),
            new GiveThen("give-then-bug", () -> new IllegalStateException("a bug after the give"))))));
    private final FakeGateway g1 = world.gateway("g1");
    private SessionRef alice;
    private SessionRef bob;

    @BeforeEach
    void aliceHasTheBreadAndBobIsInTheKitchen() {
        alice = world.enter("Alice", "g1");
        bob = world.enter("Bob", "g1");
        world.output(alice, "north");
        world.output(bob, "north");
        world.output(alice, "get bread");
        g1.awaitEvent(alice, inventory(BREAD));
        // Pushed before its commit: wait for the committed state too, which is what is checked.
        Await.within(Duration.ofSeconds(5), "Alice's bread is committed", () -> !world.character("Alice").inventory().isEmpty());
    }

    @Test
    void a_give_that_times_out_is_unavailable_and_the_item_stays_with_the_giver() throws InterruptedException {
        assertThat(world.command(alice, "give-then-timeout bread to Bob")).isEqualTo(CommandOutcome.rejected(ErrorCode.UNAVAILABLE,
                "The world is not answering right now. Try again in a moment."));

        assertItemStayedWithAlice();
    }

    @Test
    void a_give_that_finds_part_of_the_world_unavailable_is_unavailable_and_the_item_stays() throws InterruptedException {
        assertThat(world.command(alice, "give-then-unavailable bread to Bob"))
                .extracting(o -> ((CommandOutcome.Rejected) o).code()).isEqualTo(ErrorCode.UNAVAILABLE);

        assertItemStayedWithAlice();
    }

    @Test
    void a_bug_is_internal_with_the_command_id_and_the_item_stays() throws InterruptedException {
        CommandOutcome outcome = world.command(alice, "give-then-bug bread to Bob");

        assertThat(outcome).isInstanceOf(CommandOutcome.Rejected.class);
        assertThat(((CommandOutcome.Rejected) outcome).code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(((CommandOutcome.Rejected) outcome).message()).matches(
                "Something went wrong on our side; it has been logged \\(command c\\d+\\)\\.");
        assertItemStayedWithAlice();
    }

    private void assertItemStayedWithAlice() throws InterruptedException {
        assertThat(world.character("Alice").inventory()).extracting(i -> i.id()).containsExactly("bread-1");
        // A transfer lands within milliseconds: had the give been kept, Bob would have the bread by now.
        Thread.sleep(500);
        assertThat(world.character("Bob").inventory()).isEmpty();
        assertThat(world.output(alice, "inventory")).containsExactly(inventory(BREAD));
    }

    /** 'give', then a failure: what a step after the transfer failing looks like. */
    private record GiveThen(String name, Supplier<RuntimeException> failure) implements Command<GiveCommand.Gift> {
        private static final GiveCommand GIVE = new GiveCommand();

        @Override
        public String usage() {
            return name + " <item> to <player>";
        }

        @Override
        public String summary() {
            return "Gives, then fails.";
        }

        @Override
        public ParseResult<GiveCommand.Gift> parse(String args) {
            return GIVE.parse(args);
        }

        @Override
        public Future<CommandOutcome> execute(GiveCommand.Gift gift, CommandContext context) {
            CommandOutcome gave = GIVE.execute(gift, context).await();
            assertThat(gave).isInstanceOf(CommandOutcome.Done.class);
            throw failure.get();
        }
    }
}
