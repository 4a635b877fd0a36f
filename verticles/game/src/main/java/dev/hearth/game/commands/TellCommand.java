package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.game.sessions.Online;
import dev.hearth.game.text.Names;
import dev.hearth.game.text.NearMisses;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * Says something to one player wherever they are. It reaches their sessions through the
 * gateways' rosters, not through their character: a character never waits on another.
 */
public final class TellCommand implements Command<TellCommand.Message> {

    /** @param to the player's name as typed; @param text never empty */
    public record Message(String to, String text) {
    }

    @Override
    public String name() {
        return "tell";
    }

    @Override
    public String usage() {
        return "tell <player> <text>";
    }

    @Override
    public String summary() {
        return "Says something to one player only, wherever they are.";
    }

    /**
     * Speech: a retry tells it again (it may show twice) rather than every line cost a durable save.
     * See {@link Command#appliesOnce}.
     */
    @Override
    public boolean appliesOnce(String args) {
        return false;
    }

    @Override
    public ParseResult<Message> parse(String args) {
        if (args.isEmpty()) return ParseResult.invalid("Tell whom what?");
        String[] parts = args.split("\\s+", 2);
        if (parts.length < 2) return ParseResult.invalid("Tell " + parts[0] + " what?");
        return ParseResult.parsed(new Message(parts[0], parts[1].strip()));
    }

    @Override
    public Future<CommandOutcome> execute(Message message, CommandContext context) {
        if (Names.same(message.to(), context.player())) return Outcomes.refused("Talking to yourself? Try 'say' to talk to the room.");
        Optional<CommandOutcome> tooLong = Speaking.tooLong(message.text(), context);
        if (tooLong.isPresent()) return Future.succeededFuture(tooLong.get());
        List<SessionRef> theirs = Online.sessionsOf(context.entities(), context.liveGateways(), message.to()).await();
        if (theirs.isEmpty()) {
            List<String> online = Online.players(context.entities(), context.liveGateways()).await();
            List<String> near = NearMisses.among(message.to(), online.stream().filter(p -> !Names.same(p, context.player())).toList());
            return Outcomes.refused(NearMisses.withSuggestions("No one called " + Lookup.quoted(message.to()) + " is online.", near));
        }
        String to = theirs.getFirst().player();
        context.fanOut().push(theirs, GameEvents.told(context.player(), to, message.text(), false));
        JsonObject mine = GameEvents.told(context.player(), to, message.text(), true);
        return Outcomes.done(context.echo(mine));
    }
}
