package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /**
     * Speech: a retry says it again (a line may show twice) rather than every line cost a durable save.
     * See {@link Command#appliesOnce}.
     */
    @Override
    public boolean appliesOnce(String args) {
        return false;
    }

    @Override
    public ParseResult<Speech> parse(String args) {
        return args.isEmpty() ? ParseResult.invalid("Say what?") : ParseResult.parsed(new Speech(args));
    }

    @Override
    public Future<CommandOutcome> execute(Speech speech, CommandContext context) {
        log.debug("Player {} says in {} ({} characters)", context.player(), context.state().room(), speech.text().length());
        // The speaker's other connections see their own words as their own.
        return Speaking.toRoom(speech.text(), context, GameEvents.said(context.player(), speech.text(), false),
                GameEvents.said(context.player(), speech.text(), true));
    }
}
