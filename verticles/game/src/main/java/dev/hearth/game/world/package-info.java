/** The world's state: rooms loaded from PostgreSQL and who is in them. No event bus here. */
package dev.hearth.game.world;
