package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.game.world.Room;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

import java.util.List;

/** Shows the room the player is in. */
public final class LookCommand implements Command<NoArgs> {

    @Override
    public String name() {
        return "look";
    }

    @Override
    public List<String> aliases() {
        return List.of("l");
    }

    @Override
    public String usage() {
        return "look";
    }

    @Override
    public String summary() {
        return "Shows the room you are in: its description, exits and who is here.";
    }

    @Override
    public ParseResult<NoArgs> parse(String args) {
        return ParseResult.none(args, "You can only look around for now, not at things.");
    }

    @Override
    public Future<CommandOutcome> execute(NoArgs args, CommandContext context) {
        Room room = context.world().roomOf(context.player()).orElseThrow();
        List<String> occupants = context.world().presence().playersIn(room.id());
        return Future.succeededFuture(CommandOutcome.done(GameEvents.room(room, occupants)));
    }
}
