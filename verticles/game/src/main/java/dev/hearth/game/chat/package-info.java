/**
 * Chat channels: {@link dev.hearth.game.chat.Channel} entities (members and the last lines
 * said) and the list of channels there are ({@link dev.hearth.game.chat.ChannelCatalog},
 * table {@code channels}). Players start in the channels marked {@code joined_at_start}.
 */
package dev.hearth.game.chat;
