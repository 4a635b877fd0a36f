package dev.hearth.game.commands;

import dev.hearth.game.character.CharacterState;
import dev.hearth.game.events.GameEvents;
import dev.hearth.game.events.GameEvents.ItemAction;
import dev.hearth.game.world.Item;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

import java.util.Optional;

/**
 * Puts an item down. It leaves the inventory and is transferred to the room in the same
 * commit, so it is never in both places nor lost; the room shows it to the others when it lands.
 */
public final class DropCommand implements Command<DropCommand.Unwanted> {

    /** @param item the item as typed */
    public record Unwanted(String item) {
    }

    @Override
    public String name() {
        return "drop";
    }

    @Override
    public String usage() {
        return "drop <item>";
    }

    @Override
    public String summary() {
        return "Puts something you carry down here.";
    }

    @Override
    public ParseResult<Unwanted> parse(String args) {
        return args.isEmpty() ? ParseResult.invalid("Drop what?") : ParseResult.parsed(new Unwanted(args));
    }

    @Override
    public Future<CommandOutcome> execute(Unwanted unwanted, CommandContext context) {
        Optional<Future<CommandOutcome>> away = InMatch.away(context);
        if (away.isPresent()) return away.get();
        Optional<Item> carried = Carried.find(unwanted.item(), context);
        if (carried.isEmpty()) return Future.succeededFuture(Carried.notCarried(unwanted.item(), context));
        Item item = carried.get();
        String dropper = context.player();
        CharacterState next = context.state().withoutItem(item.id());
        context.setState(next);
        context.self().transfer(context.roomRef(), room -> room.receive(item, dropper));
        context.pushToPlayer(GameEvents.inventory(next.inventory()));
        return Outcomes.done(context.echo(GameEvents.item(ItemAction.DROPPED, dropper, item, null)));
    }
}
