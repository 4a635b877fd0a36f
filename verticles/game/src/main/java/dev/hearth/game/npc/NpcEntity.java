package dev.hearth.game.npc;

import dev.hearth.game.GameServices;
import dev.hearth.game.events.GameEvents;
import dev.hearth.game.world.Exit;
import dev.hearth.game.world.Occupant;
import dev.hearth.game.world.Room;
import dev.hearth.game.world.RoomPlan;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Remindable;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** Runs on virtual threads: a step awaits the rooms it leaves and enters in a straight line. */
public final class NpcEntity implements Npc, Remindable {
    private static final Logger log = LoggerFactory.getLogger(NpcEntity.class);
    static final String STIR = "stir";

    /**
     * @param room     where it is; null until it first wakes
     * @param lastLine the emote it did last, so it does not repeat itself; -1 for none
     * @param awake    whether its reminder has been set
     */
    public record State(String room, int lastLine, boolean awake) {
    }

    private final EntityContext<State> self;
    private final GameServices services;

    public NpcEntity(EntityContext<State> self, GameServices services) {
        this.self = self;
        this.services = services;
    }

    public static EntityType<Npc, State> type(GameServices services) {
        return EntityType.of(Npc.class, State.class, self -> new NpcEntity(self, services))
                .initialState(() -> new State(null, -1, false))
                .virtualThreads();
    }

    @Override
    public Future<Void> wake() {
        Optional<NpcDefinition> definition = definition();
        if (definition.isEmpty()) return Future.succeededFuture();
        State state = self.state();
        if (state.room() == null || services.rooms().find(state.room()).isEmpty()) {
            room(definition.get().home()).enter(Occupant.npc(definition.get().name()), null).await();
            state = new State(definition.get().home(), state.lastLine(), state.awake());
            log.info("NPC {} ({}) wakes up in {}", self.key(), definition.get().name(), state.room());
        }
        if (!state.awake()) {
            // Its own write, not part of this turn's commit: if the turn then fails, the next wake sets it again.
            self.reminders().set(STIR, services.npcPace(), services.npcPace()).await();
            state = new State(state.room(), state.lastLine(), true);
        }
        if (!state.equals(self.state())) self.setState(state);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> onReminder(String name) {
        // Safe to repeat, as reminders may come twice: it only takes one more step.
        return STIR.equals(name) ? act() : Future.succeededFuture();
    }

    @Override
    public Future<Void> act() {
        Optional<NpcDefinition> definition = definition();
        State state = self.state();
        // Nowhere yet, or in a room the builders have since removed: home first.
        if (definition.isEmpty() || services.rooms().find(state.room()).isEmpty()) return wake();
        NpcDefinition npc = definition.get();
        RoomPlan here = services.rooms().require(state.room());
        List<Exit> ways = here.exits().stream().filter(e -> npc.mayEnter(e.to())).toList();
        int roll = services.random().nextInt(4);
        if (roll < 2 && !ways.isEmpty()) {
            wander(npc, here, ways.get(services.random().nextInt(ways.size())));
        } else if (roll == 2 && !npc.emotes().isEmpty()) {
            emote(npc, state);
        }
        return Future.succeededFuture(); // otherwise it dozes
    }

    private void wander(NpcDefinition npc, RoomPlan here, Exit exit) {
        Occupant me = Occupant.npc(npc.name());
        room(here.id()).leave(me, exit.name()).await();
        String wayBack = services.rooms().require(exit.to()).exitTo(here.id()).map(Exit::name).orElse(null);
        room(exit.to()).enter(me, wayBack).await();
        self.setState(new State(exit.to(), self.state().lastLine(), self.state().awake()));
        log.debug("NPC {} wanders {} from {} to {}", self.key(), exit.name(), here.id(), exit.to());
    }

    private void emote(NpcDefinition npc, State state) {
        int line = services.random().nextInt(npc.emotes().size());
        if (line == state.lastLine() && npc.emotes().size() > 1) line = (line + 1) % npc.emotes().size();
        room(state.room()).announce(null, GameEvents.emoted(npc.name(), npc.emotes().get(line)).encode()).await();
        self.setState(new State(state.room(), line, state.awake()));
    }

    private Optional<NpcDefinition> definition() {
        Optional<NpcDefinition> definition = services.npcs().find(self.key());
        if (definition.isEmpty()) log.warn("NPC {} is not in the npcs table; it does nothing", self.key());
        return definition;
    }

    private Room room(String id) {
        return self.ref(Room.class, id);
    }
}
