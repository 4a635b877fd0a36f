package dev.hearth.game.world;

import dev.hearth.game.text.Names;
import dev.hearth.runtime.edge.SessionRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a {@link Room} entity keeps: what lies on its floor and who is in it.
 *
 * @param stocked false until the room first changes: until then its floor holds the
 *                items its plan seeds, so the catalog is read for a room only once
 * @param items     on the floor, in the order they arrived
 * @param occupants who is here, kept sorted by name ({@link Names#ORDER}): a room's view lists
 *                  them in that order, and a crowded room is looked at far more often than
 *                  someone comes or goes, so the order is kept on each change rather than
 *                  made on each look. A state saved unsorted is sorted when it is loaded.
 */
public record RoomState(boolean stocked, List<Item> items, List<Occupant> occupants) {
    static final Comparator<Occupant> BY_NAME = Comparator.comparing(Occupant::name, Names.ORDER);

    public RoomState {
        items = items == null ? List.of() : List.copyOf(items);
        occupants = occupants == null ? List.of() : sortedByName(occupants);
    }

    /** A copy in {@link #BY_NAME} order; sorted only when it is not already (one pass to tell). */
    private static List<Occupant> sortedByName(List<Occupant> occupants) {
        List<Occupant> copy = List.copyOf(occupants);
        for (int i = 1; i < copy.size(); i++) {
            if (BY_NAME.compare(copy.get(i - 1), copy.get(i)) > 0) {
                List<Occupant> sorted = new ArrayList<>(copy);
                sorted.sort(BY_NAME);
                return List.copyOf(sorted);
            }
        }
        return copy;
    }

    /** A room nobody has changed yet. */
    public static RoomState untouched() {
        return new RoomState(false, List.of(), List.of());
    }

    /** The floor as the plan seeds it, if the room has never changed. */
    public RoomState stockedFrom(RoomPlan plan) {
        return stocked ? this : new RoomState(true, plan.items(), occupants);
    }

    public Optional<Occupant> occupant(Occupant who) {
        return occupants.stream().filter(o -> o.npc() == who.npc() && o.named(who.name())).findFirst();
    }

    /**
     * Puts the occupant in, replacing the one of that name (their sessions may have changed),
     * in its place by name.
     */
    public RoomState with(Occupant who) {
        List<Occupant> next = new ArrayList<>(occupants.size() + 1);
        boolean placed = false;
        for (Occupant o : occupants) {
            if (o.npc() == who.npc() && o.named(who.name())) continue;
            if (!placed && BY_NAME.compare(who, o) < 0) {
                next.add(who);
                placed = true;
            }
            next.add(o);
        }
        if (!placed) next.add(who);
        return new RoomState(stocked, items, next);
    }

    public RoomState without(Occupant who) {
        return new RoomState(stocked, items,
                occupants.stream().filter(o -> !(o.npc() == who.npc() && o.named(who.name()))).toList());
    }

    /** Drops players whose every session is on a gateway gone from the cluster, except {@code keep}. */
    public RoomState withoutGhosts(Predicate<SessionRef> live, Occupant keep) {
        return new RoomState(stocked, items, occupants.stream()
                .filter(o -> o.presentWith(live) || (keep != null && o.npc() == keep.npc() && o.named(keep.name())))
                .toList());
    }

    public Optional<Item> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public RoomState withItem(Item item) {
        List<Item> next = new ArrayList<>(items);
        next.add(item);
        return new RoomState(stocked, next, occupants);
    }

    public RoomState withoutItem(String id) {
        return new RoomState(stocked, items.stream().filter(i -> !i.id().equals(id)).toList(), occupants);
    }
}
