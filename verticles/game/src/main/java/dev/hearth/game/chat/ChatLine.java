package dev.hearth.game.chat;

import java.time.Instant;

/** One line said on a channel: who, what (cleaned player text) and when. */
public record ChatLine(String from, String text, Instant at) {
}
