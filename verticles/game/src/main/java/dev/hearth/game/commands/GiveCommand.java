package dev.hearth.game.commands;

import dev.hearth.game.character.CharacterState;
import dev.hearth.game.events.GameEvents;
import dev.hearth.game.events.GameEvents.ItemAction;
import dev.hearth.game.text.Names;
import dev.hearth.game.text.NearMisses;
import dev.hearth.game.world.Item;
import dev.hearth.game.world.RoomView;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Hands an item to another player in the room. It leaves the giver's inventory and is
 * transferred to the receiver in the same commit (sent back if they refuse), so it is
 * never in both inventories nor in neither.
 */
public final class GiveCommand implements Command<GiveCommand.Gift> {

    /** One way to read the line: which words are the item and which the player. */
    public record Reading(String item, String to) {
    }

    /** @param readings the ways to read the line, the likeliest first; the first whose player is here wins */
    public record Gift(List<Reading> readings) {
    }

    @Override
    public String name() {
        return "give";
    }

    @Override
    public String usage() {
        return "give <item> to <player>";
    }

    @Override
    public String summary() {
        return "Hands something you carry to someone here.";
    }

    @Override
    public List<String> details() {
        return List.of("'give lantern to Bob' and 'give Bob lantern' both work.");
    }

    @Override
    public ParseResult<Gift> parse(String args) {
        if (args.isEmpty()) return ParseResult.invalid("Give what to whom?");
        int to = args.toLowerCase(Locale.ROOT).lastIndexOf(" to ");
        if (to > 0) {
            String item = args.substring(0, to).strip();
            String player = args.substring(to + 4).strip();
            if (!player.isEmpty()) return ParseResult.parsed(new Gift(List.of(new Reading(item, player))));
        }
        String[] words = args.split("\\s+");
        if (words.length < 2) return ParseResult.invalid("Give the " + args + " to whom?");
        List<Reading> readings = new ArrayList<>();
        // "give Bob lantern", then "give lantern Bob".
        readings.add(new Reading(String.join(" ", List.of(words).subList(1, words.length)), words[0]));
        readings.add(new Reading(String.join(" ", List.of(words).subList(0, words.length - 1)), words[words.length - 1]));
        return ParseResult.parsed(new Gift(readings));
    }

    @Override
    public Future<CommandOutcome> execute(Gift gift, CommandContext context) {
        Optional<Future<CommandOutcome>> away = InMatch.away(context);
        if (away.isPresent()) return away.get();
        RoomView view = context.room().view().await();
        Optional<Reading> reading = gift.readings().stream().filter(r -> playerHere(r.to(), view) != null).findFirst();
        if (reading.isEmpty()) return Future.succeededFuture(nobodyHere(gift.readings().getFirst().to(), view, context));
        String receiver = playerHere(reading.get().to(), view);
        if (Names.same(receiver, context.player())) return Outcomes.refused("You already have it.");
        Optional<Item> carried = Carried.find(reading.get().item(), context);
        if (carried.isEmpty()) return Future.succeededFuture(Carried.notCarried(reading.get().item(), context));

        Item item = carried.get();
        String giver = context.player();
        CharacterState next = context.state().withoutItem(item.id());
        context.setState(next);
        context.self().transfer(context.characterRef(receiver), them -> them.receive(item, giver),
                context.me(), me -> me.putBack(item));
        JsonObject gave = GameEvents.item(ItemAction.GAVE, giver, item, receiver);
        context.room().announce(giver, gave.encode()).await();
        context.pushToPlayer(GameEvents.inventory(next.inventory()));
        return Outcomes.done(context.echo(gave));
    }

    /** The name of the player here the word means, or null. */
    private static String playerHere(String typed, RoomView view) {
        return view.occupants().stream().filter(p -> Names.key(p).equals(Lookup.phrase(typed))).findFirst().orElse(null);
    }

    private static CommandOutcome nobodyHere(String typed, RoomView view, CommandContext context) {
        Optional<String> npc = view.npcs().stream().filter(n -> Names.same(n, Lookup.phrase(typed))).findFirst();
        if (npc.isPresent()) {
            return CommandOutcome.rejected(ErrorCode.BAD_ARGUMENTS, npc.get() + " sniffs at it and looks away.");
        }
        List<String> others = view.occupants().stream().filter(p -> !Names.same(p, context.player())).toList();
        return CommandOutcome.rejected(ErrorCode.BAD_ARGUMENTS, NearMisses.withSuggestions(
                "There is no " + Lookup.quoted(typed) + " here to give it to.", NearMisses.among(typed, others)));
    }
}
