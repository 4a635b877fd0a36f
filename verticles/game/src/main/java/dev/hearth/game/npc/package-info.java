/**
 * Non-player characters: their definitions (the npcs table) and the
 * {@link dev.hearth.game.npc.Npc} entity that wanders and emotes on a durable reminder.
 */
package dev.hearth.game.npc;
