/** Pushing events to sessions through their gateways: one message per gateway, not per player. */
package dev.hearth.game.delivery;
