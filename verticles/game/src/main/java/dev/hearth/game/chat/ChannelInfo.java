package dev.hearth.game.chat;

/**
 * A channel as the {@code channels} list shows it.
 *
 * @param members how many players have joined it, online or not
 * @param online  how many of them are connected now
 */
public record ChannelInfo(String name, int members, int online) {
}
