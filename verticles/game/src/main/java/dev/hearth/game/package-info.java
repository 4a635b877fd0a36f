/**
 * The game of this release: {@link dev.hearth.game.GameVerticle} wires the world to the
 * gateways, {@link dev.hearth.game.GameSettings} declares its live settings and
 * {@link dev.hearth.game.GameEntities} its entity types. Each sub-package holds one
 * concern: {@code world} (rooms, presence), {@code commands} (what players type),
 * {@code sessions} (coming and going), {@code events} (what players see), {@code delivery}
 * (getting it to their gateways), {@code text} (player text safety), {@code tally} (the
 * first entity type).
 */
package dev.hearth.game;
