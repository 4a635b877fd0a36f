/** Players entering and leaving the world, and what the room sees when they do. */
package dev.hearth.game.sessions;
