package dev.hearth.game.world;

/** A room's place on the map grid: x grows to the east, y to the south, z upwards. */
public record GridPosition(int x, int y, int z) {
    public static final GridPosition ORIGIN = new GridPosition(0, 0, 0);
}
