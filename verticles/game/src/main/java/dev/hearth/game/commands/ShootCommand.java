package dev.hearth.game.commands;

import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.events.GameEvents;
import dev.hearth.game.events.SocialEvents;
import dev.hearth.game.match.Match;
import dev.hearth.game.match.Match.Shot;
import dev.hearth.game.match.MatchView;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shoots a barrel of the match the player is in. */
public final class ShootCommand implements Command<ShootCommand.Target> {
    /** "3", "#3", "b3", "barrel 3", "barrel-3", "the barrel 3". */
    private static final Pattern BARREL = Pattern.compile("(?:the\\s+)?(?:barrel|b|#)?\\s*-?\\s*(\\d{1,4})");

    /** @param barrel the barrel's id: its number, as the match names it */
    public record Target(String barrel) {
    }

    @Override
    public String name() {
        return "shoot";
    }

    @Override
    public List<String> aliases() {
        return List.of("fire");
    }

    @Override
    public String usage() {
        return "shoot <barrel>";
    }

    @Override
    public String summary() {
        return "Shoots a barrel in your match; whoever breaks it scores.";
    }

    @Override
    public List<String> details() {
        return List.of("Barrels go by number: 'shoot 3' (or 'shoot barrel 3', 'fire #3').",
                "It takes a few shots to break one; the shot that breaks it scores a kill for whoever fired it.");
    }

    @Override
    public ParseResult<Target> parse(String args) {
        if (args.isEmpty()) return ParseResult.invalid("Shoot which barrel?");
        Matcher number = BARREL.matcher(args.strip().toLowerCase(Locale.ROOT));
        if (!number.matches()) return ParseResult.invalid("Barrels go by number, like 'shoot 3'.");
        return ParseResult.parsed(new Target(String.valueOf(Integer.parseInt(number.group(1)))));
    }

    @Override
    public Future<CommandOutcome> execute(Target target, CommandContext context) {
        Optional<MatchView> match = InMatch.of(context);
        if (match.isEmpty()) return Outcomes.refused(NOTHING_TO_SHOOT);
        Shot shot = context.entities().ref(Match.class, match.get().id()).shoot(context.caller(), target.barrel()).await();
        String barrel = "barrel " + target.barrel();
        return switch (shot.outcome()) {
            case HIT -> landed("You hit " + barrel + ". It holds: " + (shot.hitsLeft() == 1 ? "one more shot" : shot.hitsLeft() + " more shots")
                    + " will break it.", shot, context);
            case BROKE -> landed("You break " + barrel + "! That makes " + kills(shot.match().scores().getOrDefault(context.player(), 0))
                    + " for you.", shot, context);
            case NO_SUCH_BARREL -> Outcomes.refused("There is no " + barrel + " standing. Standing: "
                    + String.join(", ", shot.match().standing()) + ".");
            // The match ended, or they left it, between finding it and the shot.
            case NOT_PLAYING, NOT_ON -> Outcomes.refused(NOTHING_TO_SHOOT);
        };
    }

    /**
     * A shot that landed. The match has committed it (its reply waits for that), so now the
     * others are told: the barrel broke, and the match as it stands or how it ended.
     */
    private static Future<CommandOutcome> landed(String said, Shot shot, CommandContext context) {
        MatchView after = shot.match();
        FanOut fanOut = context.fanOut();
        if (shot.outcome() == Shot.Outcome.BROKE) {
            fanOut.push(shot.others(), SocialEvents.system(context.player() + " breaks barrel " + shot.barrel() + "!"));
        }
        if (after.state() != MatchView.Phase.ENDED) {
            fanOut.push(shot.others(), SocialEvents.match(after));
            return Outcomes.done(GameEvents.text(said), SocialEvents.match(after));
        }
        // The end goes to every player, the shooter's session too, as when time runs out.
        List<SessionRef> everyone = new ArrayList<>(shot.others());
        everyone.add(context.caller());
        fanOut.push(everyone, SocialEvents.system(after.result()));
        fanOut.push(everyone, SocialEvents.match(after));
        return Outcomes.done(GameEvents.text(said), SocialEvents.match(after));
    }

    private static final String NOTHING_TO_SHOOT =
            "There is nothing to shoot here. Join a lobby and wait for its match: 'lobbies' lists them.";

    private static String kills(int n) {
        return n == 1 ? "1 barrel" : n + " barrels";
    }

}
