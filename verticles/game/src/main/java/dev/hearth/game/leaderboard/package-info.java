/**
 * The leaderboard: finished matches' kills, kept in PostgreSQL (table {@code match_scores},
 * migrations/V8__matches.sql) and ranked all time and over the last 24 hours.
 */
package dev.hearth.game.leaderboard;
