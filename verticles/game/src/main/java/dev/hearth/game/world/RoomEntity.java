package dev.hearth.game.world;

import dev.hearth.game.GameServices;
import dev.hearth.game.character.Character;
import dev.hearth.game.events.GameEvents;
import dev.hearth.game.events.GameEvents.ItemAction;
import dev.hearth.game.text.Names;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Its static part comes from the {@link RoomCatalog}; its state holds only who and what is
 * here. Ghosts (players whose every session is on a gateway that is gone, say after every
 * node restarted) are never shown nor told anything, and the next arrival drops them from
 * the state. Only an arrival: a gateway that has just left takes its players out one by
 * one (each room sees each of them leave), and a cleanup in between would swallow that.
 */
public final class RoomEntity implements Room {
    private static final Logger log = LoggerFactory.getLogger(RoomEntity.class);
    static final Duration WRITE_BEHIND = Duration.ofMillis(200);

    private final EntityContext<RoomState> self;
    private final GameServices services;

    public RoomEntity(EntityContext<RoomState> self, GameServices services) {
        this.self = self;
        this.services = services;
    }

    public static EntityType<Room, RoomState> type(GameServices services) {
        return EntityType.of(Room.class, RoomState.class, self -> new RoomEntity(self, services))
                .initialState(RoomState::untouched)
                // Who is here is cheap to lose (a crash loses at most 200 ms of comings and goings, and
                // players come back through their characters). Items are not: a take sends a transfer
                // and a drop arrives as one, and both still wait for their commit (docs/entities.md).
                .writeBehind(WRITE_BEHIND);
    }

    @Override
    public Future<RoomView> enter(Occupant who, String via) {
        Predicate<SessionRef> live = services.liveSessions();
        RoomState now = current();
        boolean wasHere = now.occupant(who).map(o -> o.presentWith(live)).orElse(false);
        RoomState next = wasHere ? change(now.with(who)) : change(now.with(who).withoutGhosts(live, who));
        if (!wasHere) push(next, who.name(), live, GameEvents.arrived(who, via));
        return Future.succeededFuture(view(next, live));
    }

    @Override
    public Future<Void> leave(Occupant who, String via) {
        Predicate<SessionRef> live = services.liveSessions();
        RoomState now = current();
        if (now.occupant(who).isEmpty()) return Future.succeededFuture();
        // Told even when their gateway has just gone: they were here until now.
        RoomState next = change(now.without(who));
        push(next, who.name(), live, GameEvents.left(who, via));
        return Future.succeededFuture();
    }

    @Override
    public Future<RoomView> view() {
        return Future.succeededFuture(view(current(), services.liveSessions()));
    }

    @Override
    public Future<Void> announce(String exceptPlayer, String event) {
        Predicate<SessionRef> live = services.liveSessions();
        push(current(), exceptPlayer, live, new JsonObject(event));
        return Future.succeededFuture();
    }

    @Override
    public Future<Optional<Item>> take(String itemId, String taker) {
        Predicate<SessionRef> live = services.liveSessions();
        RoomState now = current();
        Optional<Item> item = now.item(itemId);
        boolean takerHere = now.occupant(Occupant.player(taker, List.of())).map(o -> o.presentWith(live)).orElse(false);
        if (item.isEmpty() || !takerHere) return Future.succeededFuture(Optional.empty());
        RoomState next = change(now.withoutItem(itemId));
        // Sent exactly once, in the same commit as the floor without it: never on both, never on neither.
        self.transfer(self.entities().refOf(Character.class, Names.key(taker)), c -> c.receive(item.get(), null));
        push(next, taker, live, GameEvents.item(ItemAction.TOOK, taker, item.get(), null));
        log.debug("Room {}: {} took item {}", self.key(), taker, itemId);
        return Future.succeededFuture(item);
    }

    @Override
    public Future<Void> receive(Item item, String droppedBy) {
        Predicate<SessionRef> live = services.liveSessions();
        RoomState now = current();
        if (now.item(item.id()).isPresent()) {
            log.warn("Room {} already has item {}; not adding it again (dropped by {})", self.key(), item.id(), droppedBy);
            return Future.succeededFuture();
        }
        RoomState next = change(now.withItem(item));
        push(next, droppedBy, live, GameEvents.item(ItemAction.DROPPED, droppedBy, item, null));
        return Future.succeededFuture();
    }

    /** The state, with the floor the plan seeds if the room has never changed. Not set: reads commit nothing. */
    private RoomState current() {
        return self.state().stockedFrom(plan());
    }

    private RoomState change(RoomState next) {
        self.setState(next);
        return next;
    }

    private RoomPlan plan() {
        return services.rooms().find(self.key()).orElseThrow(() -> new IllegalStateException(
                "there is no room '" + self.key() + "' in the rooms table"));
    }

    /** The state keeps its occupants sorted by name, so the view needs no sort of its own. */
    private RoomView view(RoomState state, Predicate<SessionRef> live) {
        RoomPlan plan = plan();
        List<String> players = new ArrayList<>();
        List<String> npcs = new ArrayList<>();
        for (Occupant o : state.occupants()) {
            if (o.npc()) npcs.add(o.name());
            else if (o.presentWith(live)) players.add(o.name());
        }
        return new RoomView(plan.id(), plan.name(), plan.description(), plan.exits(), List.copyOf(players), List.copyOf(npcs),
                state.items(), plan.position());
    }

    /** To every live session here, but none of {@code exceptPlayer}'s (null: tell everyone). */
    private void push(RoomState state, String exceptPlayer, Predicate<SessionRef> live, JsonObject event) {
        List<SessionRef> recipients = state.occupants().stream()
                .filter(o -> !o.npc() && (exceptPlayer == null || !o.named(exceptPlayer)))
                .flatMap(o -> o.liveSessions(live).stream())
                .toList();
        services.fanOut().push(recipients, event);
    }
}
