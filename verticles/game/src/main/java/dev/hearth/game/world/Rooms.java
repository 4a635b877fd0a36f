package dev.hearth.game.world;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every room of the world, checked once when loaded; immutable afterwards. */
public final class Rooms {
    private static final Logger log = LoggerFactory.getLogger(Rooms.class);

    /** Where every player enters the world. */
    public static final String STARTING_ROOM = "tavern";

    private final Map<String, Room> byId;

    private Rooms(Map<String, Room> byId) {
        this.byId = Map.copyOf(byId);
    }

    /**
     * Builds the map, dropping exits that lead nowhere (logged, so a builder's typo
     * cannot strand a player in a room that does not exist).
     *
     * @throws IllegalStateException when the starting room is missing: without it no one can play
     */
    public static Rooms of(Collection<Room> rooms) {
        Map<String, Room> byId = new LinkedHashMap<>();
        for (Room room : rooms) byId.put(room.id(), room);
        if (!byId.containsKey(STARTING_ROOM)) {
            throw new IllegalStateException("the world has no starting room '" + STARTING_ROOM
                    + "' (table rooms, migrations/V3__world.sql)");
        }
        Map<String, Room> checked = new LinkedHashMap<>();
        for (Room room : byId.values()) {
            Map<String, String> exits = new LinkedHashMap<>();
            room.exits().forEach((exit, target) -> {
                if (byId.containsKey(target)) {
                    exits.put(exit, target);
                } else {
                    log.warn("Room '{}': exit '{}' leads to unknown room '{}'; exit ignored", room.id(), exit, target);
                }
            });
            checked.put(room.id(), room.withExits(exits));
        }
        return new Rooms(checked);
    }

    public Room starting() {
        return byId.get(STARTING_ROOM);
    }

    public Optional<Room> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Room> all() {
        return List.copyOf(byId.values());
    }
}
