package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists the commands, or shows one command's help. */
public final class HelpCommand implements Command<HelpCommand.Topic> {

    /** @param command the command asked about; empty for the list of all commands */
    public record Topic(Optional<String> command) {
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public List<String> aliases() {
        return List.of("?");
    }

    @Override
    public String usage() {
        return "help [command]";
    }

    @Override
    public String summary() {
        return "Lists the commands, or shows how to use one.";
    }

    /** Only shows the commands. See {@link Command#appliesOnce}. */
    @Override
    public boolean appliesOnce(String args) {
        return false;
    }

    @Override
    public ParseResult<Topic> parse(String args) {
        return ParseResult.parsed(new Topic(args.isEmpty() ? Optional.empty() : Optional.of(args)));
    }

    @Override
    public Future<CommandOutcome> execute(Topic topic, CommandContext context) {
        CommandRegistry commands = context.commands();
        if (topic.command().isEmpty()) return Future.succeededFuture(listAll(commands));
        String asked = topic.command().get();
        return Future.succeededFuture(commands.find(asked)
                .map(HelpCommand::helpFor)
                .orElseGet(() -> CommandOutcome.rejected(ErrorCode.BAD_ARGUMENTS,
                        commands.unknown("There is no command {}.", asked))));
    }

    private static CommandOutcome listAll(CommandRegistry commands) {
        List<JsonObject> lines = new ArrayList<>();
        lines.add(help("Commands:"));
        for (Command<?> command : commands.all()) {
            lines.add(help("  " + command.usage() + aliasNote(command) + " - " + command.summary()));
        }
        lines.add(help("Type 'help <command>' to learn more about one."));
        return new CommandOutcome.Done(lines);
    }

    private static CommandOutcome helpFor(Command<?> command) {
        List<JsonObject> lines = new ArrayList<>();
        lines.add(help("Usage: " + command.usage()));
        if (!command.aliases().isEmpty()) {
            lines.add(help("Aliases: " + String.join(", ", command.aliases())));
        }
        lines.add(help(command.summary()));
        command.details().forEach(detail -> lines.add(help(detail)));
        return new CommandOutcome.Done(lines);
    }

    private static JsonObject help(String line) {
        return GameEvents.text(line, GameEvents.TextStyle.HELP);
    }

    private static String aliasNote(Command<?> command) {
        return command.aliases().isEmpty() ? "" : " (" + String.join(", ", command.aliases()) + ")";
    }
}
