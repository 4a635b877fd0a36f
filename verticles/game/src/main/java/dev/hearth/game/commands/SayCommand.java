package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

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
        Optional<CommandOutcome> tooLong = SpeechLimit.exceededBy(speech.text(), context);
        if (tooLong.isPresent()) return Future.succeededFuture(tooLong.get());
        context.room().announce(context.player(), GameEvents.said(context.player(), speech.text(), false).encode()).await();
        log.debug("Player {} says in {} ({} characters)", context.player(), context.state().room(), speech.text().length());
        // The speaker's other connections see their own words as their own.
        return Future.succeededFuture(CommandOutcome.done(context.echo(GameEvents.said(context.player(), speech.text(), true))));
    }
}
