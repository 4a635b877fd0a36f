package dev.hearth.game.commands;

import java.util.List;

/** The commands of this release, in the order {@code help} lists them. */
public final class GameCommands {
    private GameCommands() {
    }

    public static CommandRegistry registry() {
        return new CommandRegistry(List.of(
                new LookCommand(),
                new GoCommand(),
                new SayCommand(),
                new EmoteCommand(),
                new TellCommand(),
                new WhoCommand(),
                new GetCommand(),
                new DropCommand(),
                new GiveCommand(),
                new InventoryCommand(),
                new ChatCommand(),
                new ChannelsCommand(),
                new LobbiesCommand(),
                new JoinCommand(),
                new LeaveCommand(),
                new ShootCommand(),
                new ScoreCommand(),
                new TopCommand(),
                new HelpCommand()));
    }
}
