/**
 * Who is connected through which gateway ({@link dev.hearth.game.sessions.GatewayRoster},
 * one entity per gateway) and who is online ({@link dev.hearth.game.sessions.Online}).
 */
package dev.hearth.game.sessions;
