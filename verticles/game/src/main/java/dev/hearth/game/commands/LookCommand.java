package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.game.events.SocialEvents;
import dev.hearth.game.match.MatchView;
import dev.hearth.game.npc.NpcDefinition;
import dev.hearth.game.text.Names;
import dev.hearth.game.text.NearMisses;
import dev.hearth.game.world.Exit;
import dev.hearth.game.world.Item;
import dev.hearth.game.world.RoomPlan;
import dev.hearth.game.world.RoomView;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Shows the room, or a closer look at something in it: an item, someone, an exit. */
public final class LookCommand implements Command<LookCommand.Target> {

    /** @param thing what to look at; empty for the room */
    public record Target(Optional<String> thing) {
    }

    /** Something in view, what it is called, and what a closer look says. */
    private record Sight(String name, List<String> words, String text) {
    }

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
        return "look [thing]";
    }

    @Override
    public String summary() {
        return "Shows the room you are in, or a closer look at something or someone in it.";
    }

    @Override
    public List<String> details() {
        return List.of("'look' alone shows the room: its description, exits, who and what is here (in a match, the barrel range).",
                "'look lantern', 'look at Soot', 'look north' look closer.");
    }

    /** Only shows: the room, or something in it. See {@link Command#appliesOnce}. */
    @Override
    public boolean appliesOnce(String args) {
        return false;
    }

    @Override
    public ParseResult<Target> parse(String args) {
        String thing = args.toLowerCase(Locale.ROOT).startsWith("at ") ? args.substring(3).strip() : args;
        return ParseResult.parsed(new Target(thing.isEmpty() ? Optional.empty() : Optional.of(thing)));
    }

    @Override
    public Future<CommandOutcome> execute(Target target, CommandContext context) {
        Optional<MatchView> match = InMatch.of(context);
        if (match.isPresent()) {
            // In the barrel range: 'look' shows it; a closer look cannot reach the room they left.
            return target.thing().isEmpty() ? Outcomes.done(SocialEvents.matchRoom(match.get())) : Outcomes.refused(InMatch.AWAY);
        }
        RoomView view = context.room().view().await();
        if (target.thing().isEmpty()) return Outcomes.done(GameEvents.room(view));
        String thing = target.thing().get();
        List<Sight> sights = sights(view, context);
        return Future.succeededFuture(Lookup.find(thing, sights, Sight::words)
                .map(sight -> CommandOutcome.done(GameEvents.text(sight.text())))
                .orElseGet(() -> CommandOutcome.rejected(ErrorCode.BAD_ARGUMENTS, NearMisses.withSuggestions(
                        "You see no " + Lookup.quoted(thing) + " here.", Lookup.nearMisses(thing, sights, Sight::words, Sight::name)))));
    }

    /** Everything a closer look can find, in the order a word is matched: what you carry first. */
    private static List<Sight> sights(RoomView view, CommandContext context) {
        List<Sight> sights = new ArrayList<>();
        for (Item item : context.state().inventory()) sights.add(itemSight(item, "You are carrying it."));
        for (Item item : view.items()) sights.add(itemSight(item, "It lies here."));
        for (String npc : view.npcs()) {
            String description = context.services().npcs().named(npc).map(NpcDefinition::description).orElse("");
            sights.add(new Sight(npc, List.of(Names.key(npc)), (npc + ". " + description).strip()));
        }
        for (String player : view.occupants()) {
            boolean me = Names.same(player, context.player());
            List<String> words = me ? List.of(Names.key(player), "me", "self", "myself") : List.of(Names.key(player));
            sights.add(new Sight(player, words, me ? "You are " + player + ", looking much as usual." : player + " is here."));
        }
        for (Exit exit : view.exits()) {
            String leadsTo = context.services().rooms().find(exit.to()).map(RoomPlan::name).orElse(exit.to());
            sights.add(new Sight(exit.name(), exit.words(), capitalized(exit.name()) + " leads to " + leadsTo + "."));
        }
        return sights;
    }

    private static Sight itemSight(Item item, String where) {
        return new Sight(item.name(), item.words(), capitalized(item.name()) + ": " + item.description() + " " + where);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
