/** Rules for text typed by players before anyone else sees it. */
package dev.hearth.game.text;
