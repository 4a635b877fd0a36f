package dev.hearth.game.npc;

import dev.hearth.game.text.Names;
import dev.hearth.game.world.RoomCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Every non-player character of the world, checked against the rooms once loaded; immutable. */
public final class NpcCast {
    private static final Logger log = LoggerFactory.getLogger(NpcCast.class);

    private final List<NpcDefinition> npcs;

    private NpcCast(List<NpcDefinition> npcs) {
        this.npcs = List.copyOf(npcs);
    }

    public static NpcCast none() {
        return new NpcCast(List.of());
    }

    /** Leaves out (and logs) a character whose home is no room: it would have nowhere to be. */
    public static NpcCast of(Collection<NpcDefinition> npcs, RoomCatalog rooms) {
        List<NpcDefinition> kept = new ArrayList<>();
        for (NpcDefinition npc : npcs) {
            if (rooms.find(npc.home()).isPresent()) kept.add(npc);
            else log.warn("NPC '{}': home '{}' is no room; left out of the world", npc.id(), npc.home());
        }
        return new NpcCast(kept);
    }

    public List<NpcDefinition> all() {
        return npcs;
    }

    public Optional<NpcDefinition> find(String id) {
        return npcs.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** By the name players see, regardless of case. */
    public Optional<NpcDefinition> named(String name) {
        return npcs.stream().filter(n -> Names.same(n.name(), name)).findFirst();
    }
}
