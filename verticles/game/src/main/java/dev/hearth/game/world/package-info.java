/**
 * Places and things: the rooms' static plans ({@link dev.hearth.game.world.RoomCatalog},
 * loaded from PostgreSQL), the {@link dev.hearth.game.world.Room} entity holding who and
 * what is in a room, and the values that pass between entities (items, exits, occupants,
 * views).
 */
package dev.hearth.game.world;
