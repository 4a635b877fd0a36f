package dev.hearth.game.commands;

import dev.hearth.game.GameSettings;
import dev.hearth.game.events.GameEvents;
import dev.hearth.game.text.PlayerText;
import dev.hearth.game.world.Room;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** Says something to everyone in the room. */
public final class SayCommand implements Command<SayCommand.Speech> {
    private static final Logger log = LoggerFactory.getLogger(SayCommand.class);

    /** @param text what to say: already free of control characters, never empty */
    public record Speech(String text) {
    }

    @Override
    public String name() {
        return "say";
    }

    @Override
    public List<String> aliases() {
        return List.of("'", "\"");
    }

    @Override
    public String usage() {
        return "say <text>";
    }

    @Override
    public String summary() {
        return "Says something to everyone in the room.";
    }

    @Override
    public List<String> details() {
        return List.of("Shortcuts: 'Hello! and \"Hello! both say Hello!");
    }

    @Override
    public ParseResult<Speech> parse(String args) {
        return args.isEmpty() ? ParseResult.invalid("Say what?") : ParseResult.parsed(new Speech(args));
    }

    @Override
    public Future<CommandOutcome> execute(Speech speech, CommandContext context) {
        // The limit is checked here, not in parse: it is a live setting, not syntax.
        int limit = context.settings().get(GameSettings.SAY_MAX_LENGTH);
        int length = PlayerText.length(speech.text());
        if (length > limit) {
            return Future.succeededFuture(CommandOutcome.rejected(ErrorCode.TOO_LONG,
                    "That is too much to say at once: " + length + " characters, at most " + limit + "."));
        }
        Room room = context.world().roomOf(context.player()).orElseThrow();
        List<SessionRef> mine = new ArrayList<>();
        List<SessionRef> others = new ArrayList<>();
        for (SessionRef session : context.world().presence().sessionsIn(room.id())) {
            if (session.session().equals(context.caller().session())) continue;
            (session.player().equals(context.player()) ? mine : others).add(session);
        }
        // The speaker's other connections see their own words as their own.
        context.fanOut().push(mine, GameEvents.said(context.player(), speech.text(), true));
        context.fanOut().push(others, GameEvents.said(context.player(), speech.text(), false));
        log.debug("Player {} says in {} to {} other sessions ({} characters)",
                context.player(), room.id(), others.size(), length);
        return Future.succeededFuture(CommandOutcome.done(GameEvents.said(context.player(), speech.text(), true)));
    }
}
