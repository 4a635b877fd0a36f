package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.game.text.NearMisses;
import dev.hearth.game.world.Direction;
import dev.hearth.game.world.Exit;
import dev.hearth.game.world.Occupant;
import dev.hearth.game.world.Room;
import dev.hearth.game.world.RoomPlan;
import dev.hearth.game.world.RoomView;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Moves through an exit. Directions work alone ({@code n}, {@code north}), and so does an
 * exit's own name ({@code stairs}), which {@link #claims} takes for this command.
 */
public final class GoCommand implements Command<GoCommand.Destination> {
    private static final Logger log = LoggerFactory.getLogger(GoCommand.class);

    /** @param exit the exit or direction as typed */
    public record Destination(String exit) {
    }

    @Override
    public String name() {
        return "go";
    }

    /** Every direction, by letter and by word. */
    @Override
    public List<String> aliases() {
        List<String> aliases = new ArrayList<>();
        Arrays.stream(Direction.values()).forEach(d -> aliases.add(d.code()));
        Arrays.stream(Direction.values()).forEach(d -> aliases.add(d.word()));
        return aliases;
    }

    @Override
    public String usage() {
        return "go <exit>";
    }

    @Override
    public String summary() {
        return "Goes through an exit.";
    }

    @Override
    public List<String> details() {
        return List.of("Directions work on their own: n, s, e, w, u, d, or north, south, east, west, up, down.",
                "So does an exit's name: 'stairs' is 'go stairs'.");
    }

    @Override
    public ParseResult<Destination> parse(String args) {
        return args.isEmpty() ? ParseResult.invalid("Go where?") : ParseResult.parsed(new Destination(args));
    }

    @Override
    public ParseResult<Destination> parse(String word, String args) {
        if (word.equals(name())) return parse(args);
        // A direction typed alone: the word is where to go.
        return args.isEmpty() ? ParseResult.parsed(new Destination(word))
                : ParseResult.invalid("'" + word + "' goes " + word + "; it takes nothing after it.");
    }

    @Override
    public boolean claims(String word, CommandContext context) {
        return context.roomPlan().exit(word).isPresent();
    }

    @Override
    public List<String> nearMisses(String word, CommandContext context) {
        return Lookup.nearMisses(word, context.roomPlan().exits(), Exit::words, Exit::name);
    }

    @Override
    public Future<CommandOutcome> execute(Destination destination, CommandContext context) {
        if (InMatch.of(context).isPresent()) return Outcomes.refused(InMatch.STAY);
        RoomPlan here = context.roomPlan();
        Optional<Exit> exit = here.exit(destination.exit());
        if (exit.isEmpty()) return Future.succeededFuture(noSuchExit(destination.exit(), here));
        RoomPlan there = context.services().rooms().require(exit.get().to());
        Occupant me = context.asOccupant();
        Room from = context.room();
        Room to = context.entities().ref(Room.class, there.id());

        // In the next room before out of this one: a failure (a timeout does not say whether a
        // call landed) leaves them in the room they were in, which is where their character
        // still says they are, rather than in none. The call fails, so the move is not kept.
        RoomView view;
        try {
            view = to.enter(me, there.exitTo(here.id()).map(Exit::name).orElse(null)).await();
            from.leave(me, exit.get().name()).await();
        } catch (RuntimeException e) {
            log.warn("Player {} could not go from {} to {}; staying in {}: {}", context.player(), here.id(), there.id(), here.id(), e.toString());
            try {
                to.leave(me, null).await();
            } catch (RuntimeException undo) {
                log.warn("Player {} may be in {} as well as {}: {}", context.player(), there.id(), here.id(), undo.toString());
            }
            throw e;
        }
        context.setState(context.state().withRoom(there.id()));
        log.debug("Player {} goes {} from {} to {}", context.player(), exit.get().name(), here.id(), there.id());
        // Their other tabs go with them.
        return Outcomes.done(context.echo(GameEvents.room(view)));
    }

    private static CommandOutcome noSuchExit(String typed, RoomPlan here) {
        if (here.exits().isEmpty()) return CommandOutcome.rejected(ErrorCode.BAD_ARGUMENTS, "There is no way out of here.");
        String sentence = NearMisses.withSuggestions("There is no exit " + Lookup.quoted(typed) + " here.",
                Lookup.nearMisses(typed, here.exits(), Exit::words, Exit::name));
        return CommandOutcome.rejected(ErrorCode.BAD_ARGUMENTS, sentence + " Exits: " + String.join(", ", here.exitNames()) + ".");
    }
}
