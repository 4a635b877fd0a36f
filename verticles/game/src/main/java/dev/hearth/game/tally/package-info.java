/**
 * The game's first entity: {@link dev.hearth.game.tally.Tally}, a named count kept by the
 * entity runtime on whichever game node hosts it.
 */
package dev.hearth.game.tally;
