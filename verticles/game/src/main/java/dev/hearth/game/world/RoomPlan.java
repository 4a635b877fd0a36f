package dev.hearth.game.world;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The static part of a room, as the builders wrote it in the {@code rooms} table: what
 * it is, where its exits go, where it sits on the map, and what lay on its floor before
 * anyone touched it. Who and what is there now is the {@link Room} entity's state.
 *
 * @param exits in map order (north, south, east, west, up, down), then exits without a
 *              direction by name, so players always see them in the same order
 * @param items the seeded floor items
 */
public record RoomPlan(String id, String name, String description, List<Exit> exits, GridPosition position,
                       List<Item> items) {

    private static final Comparator<Exit> MAP_ORDER = Comparator
            .comparing((Exit e) -> e.dir() == null ? Integer.MAX_VALUE : e.dir().ordinal())
            .thenComparing(Exit::name);

    public RoomPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        exits = exits.stream().sorted(MAP_ORDER).toList();
        position = position == null ? GridPosition.ORIGIN : position;
        items = List.copyOf(items);
    }

    /**
     * The exit a player means: one named so ("stairs", "north"), or else the one going that
     * way ("n", "up" for the stairs).
     */
    public Optional<Exit> exit(String typed) {
        String word = typed.strip().toLowerCase(Locale.ROOT);
        Optional<Exit> named = exits.stream().filter(e -> e.name().equals(word)).findFirst();
        if (named.isPresent()) return named;
        return Direction.parse(word).flatMap(d -> exits.stream().filter(e -> e.dir() == d).findFirst());
    }

    /** The exit leading to that room: the way back for someone who came from there. */
    public Optional<Exit> exitTo(String roomId) {
        return exits.stream().filter(e -> e.to().equals(roomId)).findFirst();
    }

    public List<String> exitNames() {
        return exits.stream().map(Exit::name).toList();
    }

    public RoomPlan withExits(List<Exit> newExits) {
        return new RoomPlan(id, name, description, newExits, position, items);
    }

    public RoomPlan withItems(List<Item> newItems) {
        return new RoomPlan(id, name, description, exits, position, newItems);
    }
}
