package dev.hearth.game.world;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A place in the world, as stored in the {@code rooms} table.
 *
 * @param exits exit name to the id of the room it leads to, sorted by name so players
 *              always see exits in the same order
 */
public record Room(String id, String name, String description, Map<String, String> exits) {

    public Room {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        exits = Collections.unmodifiableSortedMap(new TreeMap<>(exits));
    }

    public List<String> exitNames() {
        return List.copyOf(exits.keySet());
    }

    public Room withExits(Map<String, String> newExits) {
        return new Room(id, name, description, newExits);
    }
}
