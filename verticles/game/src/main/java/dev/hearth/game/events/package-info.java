/** The JSON events players receive (docs/protocol.md section 4), built in one place. */
package dev.hearth.game.events;
