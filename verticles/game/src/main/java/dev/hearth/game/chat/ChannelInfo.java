package dev.hearth.game.chat;

/**
 * A channel as the {@code channels} list shows it.
 *
 * @param members how many players are members, online or not (a count the channel keeps)
 * @param online  how many of them are connected now
 */
public record ChannelInfo(String name, int members, int online) {
}
