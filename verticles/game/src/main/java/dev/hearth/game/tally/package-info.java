/**
 * The game's first entity: {@link dev.hearth.game.tally.Tally}, a named count kept by the
 * entity runtime on whichever game node hosts it. Rooms and players move onto entities next.
 */
package dev.hearth.game.tally;
