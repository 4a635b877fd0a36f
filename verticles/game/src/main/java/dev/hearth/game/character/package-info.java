/**
 * A player's {@link dev.hearth.game.character.Character}: one entity per account, keyed by
 * the name in lower case, holding where they are, what they carry and the sessions they
 * play through. Their commands run in its turn.
 */
package dev.hearth.game.character;
