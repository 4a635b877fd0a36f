/**
 * Player commands, one class each (name, aliases, usage, parse, execute), the registry
 * that finds them and the dispatcher that runs a typed line. A new command is a class
 * here and one line in {@link dev.hearth.game.commands.GameCommands}.
 */
package dev.hearth.game.commands;
