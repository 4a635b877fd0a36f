package dev.hearth.game.match;

import dev.hearth.game.delivery.Audience;

import java.time.Duration;

/**
 * What a lobby starts a match with: the rules are fixed here, from the live settings of
 * that moment, so a changed setting never changes a match under way.
 */
public record MatchSetup(String lobby, Audience players, int barrels, int hitsPerBarrel, Duration length) {
}
