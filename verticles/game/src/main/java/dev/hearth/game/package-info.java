/**
 * The game of this release, on entities: {@link dev.hearth.game.GameVerticle} turns the
 * gateways' messages into calls on characters, {@link dev.hearth.game.GameEntities} lists
 * the entity types, {@link dev.hearth.game.GameServices} what they get from their node, and
 * {@link dev.hearth.game.GameSettings} the live settings. Each sub-package holds one
 * concern: {@code world} (rooms, items, exits), {@code character} (a player's character and
 * where their commands run), {@code sessions} (who is connected through which gateway),
 * {@code npc} (characters the world plays), {@code commands} (what players type),
 * {@code events} (what players see), {@code delivery} (getting it to their gateways),
 * {@code text} (player text and names), {@code tally} (a named count).
 */
package dev.hearth.game;
