package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.game.events.GameEvents.ItemAction;
import dev.hearth.game.text.NearMisses;
import dev.hearth.game.world.Item;
import dev.hearth.game.world.RoomView;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/**
 * Picks up an item. The room gives it up and transfers it to the character (exactly once),
 * so it lands in the inventory a moment after the reply; an {@code inventory} event is
 * pushed when it does.
 */
public final class GetCommand implements Command<GetCommand.Wanted> {

    /** @param item the item as typed */
    public record Wanted(String item) {
    }

    @Override
    public String name() {
        return "get";
    }

    @Override
    public List<String> aliases() {
        return List.of("take");
    }

    @Override
    public String usage() {
        return "get <item>";
    }

    @Override
    public String summary() {
        return "Picks something up.";
    }

    @Override
    public ParseResult<Wanted> parse(String args) {
        return args.isEmpty() ? ParseResult.invalid("Get what?") : ParseResult.parsed(new Wanted(args));
    }

    @Override
    public Future<CommandOutcome> execute(Wanted wanted, CommandContext context) {
        Optional<Future<CommandOutcome>> away = InMatch.away(context);
        if (away.isPresent()) return away.get();
        RoomView view = context.room().view().await();
        Optional<Item> item = Lookup.find(wanted.item(), view.items(), Item::words);
        if (item.isEmpty()) {
            Optional<Item> carried = Lookup.find(wanted.item(), context.state().inventory(), Item::words);
            if (carried.isPresent()) return Outcomes.refused("You already have the " + carried.get().name() + ".");
            return Outcomes.refused(NearMisses.withSuggestions("There is no " + Lookup.quoted(wanted.item()) + " here.",
                    Lookup.nearMisses(wanted.item(), view.items(), Item::words, Item::name)));
        }
        Optional<Item> taken = context.room().take(item.get().id(), context.player()).await();
        if (taken.isEmpty()) return Outcomes.refused("Someone was quicker: the " + item.get().name() + " is gone.");
        return Outcomes.done(context.echo(GameEvents.item(ItemAction.TOOK, context.player(), taken.get(), null)));
    }
}
