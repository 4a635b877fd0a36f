package dev.hearth.game.world;

import java.util.List;

/**
 * A room as a player sees it at one moment: its static part from the catalog and who
 * and what is in it now.
 *
 * @param occupants the players present, sorted by name (the viewer among them)
 * @param npcs      the non-player characters present, sorted by name
 * @param items     what lies on the floor, in the order it arrived
 */
public record RoomView(String id, String name, String description, List<Exit> exits, List<String> occupants,
                       List<String> npcs, List<Item> items, GridPosition map) {
}
