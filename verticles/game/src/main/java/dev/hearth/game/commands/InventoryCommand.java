package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

import java.util.List;

/** Lists what the player carries. */
public final class InventoryCommand implements Command<NoArgs> {

    @Override
    public String name() {
        return "inventory";
    }

    @Override
    public List<String> aliases() {
        return List.of("i", "inv");
    }

    @Override
    public String usage() {
        return "inventory";
    }

    @Override
    public String summary() {
        return "Lists what you are carrying.";
    }

    /** Only shows what the player carries. See {@link Command#appliesOnce}. */
    @Override
    public boolean appliesOnce(String args) {
        return false;
    }

    @Override
    public ParseResult<NoArgs> parse(String args) {
        return ParseResult.none(args, "'inventory' lists all you carry; it takes nothing after it.");
    }

    @Override
    public Future<CommandOutcome> execute(NoArgs args, CommandContext context) {
        return Outcomes.done(GameEvents.inventory(context.state().inventory()));
    }
}
