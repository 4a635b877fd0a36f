package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Acts something out for the room: "emote waves." shows "Alice waves." */
public final class EmoteCommand implements Command<EmoteCommand.Action> {

    /** @param text what follows the player's name, never empty */
    public record Action(String text) {
    }

    @Override
    public String name() {
        return "emote";
    }

    @Override
    public List<String> aliases() {
        return List.of(":", "me");
    }

    @Override
    public String usage() {
        return "emote <action>";
    }

    @Override
    public String summary() {
        return "Acts something out for everyone in the room.";
    }

    @Override
    public List<String> details() {
        return List.of("'emote waves.' shows 'Alice waves.' to the room. Shortcuts: ':waves.' and 'me waves.'");
    }

    /**
     * Speech: a retry acts it out again (it may show twice) rather than every line cost a durable save.
     * See {@link Command#appliesOnce}.
     */
    @Override
    public boolean appliesOnce(String args) {
        return false;
    }

    @Override
    public ParseResult<Action> parse(String args) {
        return args.isEmpty() ? ParseResult.invalid("Emote what?") : ParseResult.parsed(new Action(args));
    }

    @Override
    public Future<CommandOutcome> execute(Action action, CommandContext context) {
        JsonObject emoted = GameEvents.emoted(context.player(), action.text());
        return Speaking.toRoom(action.text(), context, emoted, emoted);
    }
}
