package dev.hearth.game.world;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every room's static part ({@link RoomPlan}), loaded once per node from the rooms table
 * and checked; immutable afterwards. Rooms' changing part (who and what is there) lives in
 * their entities.
 */
public final class RoomCatalog {
    private static final Logger log = LoggerFactory.getLogger(RoomCatalog.class);

    /** Where every player enters the world. */
    public static final String STARTING_ROOM = "tavern";

    private final Map<String, RoomPlan> byId;

    private RoomCatalog(Map<String, RoomPlan> byId) {
        this.byId = byId;
    }

    /**
     * Builds the catalog, dropping what would break the world, each logged so a builder can
     * fix it: exits that lead to no room (a player would be stranded), and a seeded item
     * whose id another room already seeds (the world would hold it twice).
     *
     * @throws IllegalStateException when the starting room is missing: without it no one can play
     */
    public static RoomCatalog of(Collection<RoomPlan> rooms) {
        Map<String, RoomPlan> given = new LinkedHashMap<>();
        for (RoomPlan room : rooms) given.put(room.id(), room);
        if (!given.containsKey(STARTING_ROOM)) {
            throw new IllegalStateException("the world has no starting room '" + STARTING_ROOM
                    + "' (table rooms, migrations/V3__world.sql)");
        }
        Map<String, RoomPlan> checked = new LinkedHashMap<>();
        Set<String> itemIds = new HashSet<>();
        for (RoomPlan room : given.values()) {
            List<Exit> exits = new ArrayList<>();
            for (Exit exit : room.exits()) {
                if (given.containsKey(exit.to())) exits.add(exit);
                else log.warn("Room '{}': exit '{}' leads to unknown room '{}'; exit ignored", room.id(), exit.name(), exit.to());
            }
            List<Item> items = new ArrayList<>();
            for (Item item : room.items()) {
                if (itemIds.add(item.id())) items.add(item);
                else log.error("Room '{}': item id '{}' is seeded in another room too; this copy ignored", room.id(), item.id());
            }
            checked.put(room.id(), room.withExits(exits).withItems(items));
        }
        return new RoomCatalog(Map.copyOf(checked));
    }

    public RoomPlan starting() {
        return byId.get(STARTING_ROOM);
    }

    public Optional<RoomPlan> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** @throws IllegalArgumentException for an id the catalog does not have */
    public RoomPlan require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("there is no room '" + id + "'"));
    }

    public List<RoomPlan> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(RoomPlan::id)).toList();
    }
}
