/**
 * The barrel game: {@link dev.hearth.game.match.Lobby} entities where players gather,
 * count down and start a {@link dev.hearth.game.match.Match}, a range of barrels to
 * shoot; the {@link dev.hearth.game.match.LobbyBoard} that lists every lobby and
 * broadcasts changes; and the game's live settings ({@link dev.hearth.game.match.MatchSettings}).
 * A finished match's scores go to the {@link dev.hearth.game.leaderboard.Leaderboard}.
 */
package dev.hearth.game.match;
