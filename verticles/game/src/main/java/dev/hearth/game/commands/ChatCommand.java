package dev.hearth.game.commands;

import dev.hearth.game.chat.Channel;
import dev.hearth.game.chat.ChannelCatalog;
import dev.hearth.game.chat.ChatLine;
import dev.hearth.game.events.GameEvents;
import dev.hearth.game.events.SocialEvents;
import dev.hearth.game.text.NearMisses;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Talks on a chat channel, or joins or leaves one. */
public final class ChatCommand implements Command<ChatCommand.Chat> {
    private static final Logger log = LoggerFactory.getLogger(ChatCommand.class);

    /** What the player wants of a channel, named as typed. */
    public sealed interface Chat {
        String channel();
    }

    /** @param text never empty */
    public record Say(String channel, String text) implements Chat {
    }

    public record Join(String channel) implements Chat {
    }

    public record Leave(String channel) implements Chat {
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public String usage() {
        return "chat <channel> <text>";
    }

    @Override
    public String summary() {
        return "Talks on a chat channel, heard by its members wherever they are.";
    }

    @Override
    public List<String> details() {
        return List.of("'chat join <channel>' joins one and shows its recent lines; 'chat leave <channel>' leaves it.",
                "'channels' lists them. Everyone starts in ooc (anything goes) and newbie (questions welcome).");
    }

    @Override
    public ParseResult<Chat> parse(String args) {
        if (args.isEmpty()) return ParseResult.invalid("Chat on which channel? 'channels' lists them.");
        String[] words = args.split("\\s+", 2);
        String first = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : "";
        return switch (first) {
            case "join" -> rest.isEmpty() ? ParseResult.invalid("Join which channel?") : ParseResult.parsed(new Join(rest));
            case "leave" -> rest.isEmpty() ? ParseResult.invalid("Leave which channel?") : ParseResult.parsed(new Leave(rest));
            default -> rest.isEmpty() ? ParseResult.invalid("Say what on " + words[0] + "?") : ParseResult.parsed(new Say(words[0], rest));
        };
    }

    /**
     * Joining and leaving change the character's channels, and apply once. Speaking on a
     * channel is speech: a retry says it again (a line may show twice, and be in the channel's
     * history twice) rather than every line cost a durable save of the character.
     */
    @Override
    public boolean appliesOnce(String args) {
        return parse(args) instanceof ParseResult.Parsed<Chat>(var chat) && !(chat instanceof Say);
    }

    @Override
    public Future<CommandOutcome> execute(Chat chat, CommandContext context) {
        ChannelCatalog catalog = context.services().channels();
        Optional<ChannelCatalog.Listed> found = catalog.find(chat.channel());
        if (found.isEmpty()) {
            return Outcomes.refused(NearMisses.withSuggestions("There is no channel " + Lookup.quoted(chat.channel()) + ".",
                    NearMisses.among(chat.channel(), catalog.names())) + " Channels: " + String.join(", ", catalog.names()) + ".");
        }
        ChannelCatalog.Listed channel = found.get();
        boolean member = context.state().channels().contains(channel.name());
        return switch (chat) {
            case Say say -> say(channel.name(), member, say.text(), context);
            case Join join -> join(channel, member, context);
            case Leave leave -> leave(channel.name(), member, context);
        };
    }

    private static Future<CommandOutcome> say(String channel, boolean member, String text, CommandContext context) {
        if (!member) return Outcomes.refused("You are not in channel " + channel + ". Type 'chat join " + channel + "' first.");
        Optional<CommandOutcome> tooLong = Speaking.tooLong(text, context);
        if (tooLong.isPresent()) return Future.succeededFuture(tooLong.get());
        Channel ch = context.entities().ref(Channel.class, channel);
        SessionRef from = context.caller();
        Optional<ChatLine> line = ch.say(from, text).await();
        if (line.isEmpty()) {
            // The channel lost them (its state and the character's disagree): put them back, then speak.
            log.warn("Channel {} did not have its member {} online; telling it again", channel, context.player());
            ch.connected(context.player(), liveSessions(context)).await();
            line = ch.say(from, text).await();
        }
        return Outcomes.done(SocialEvents.chat(channel, line.orElseThrow()));
    }

    private static Future<CommandOutcome> join(ChannelCatalog.Listed channel, boolean member, CommandContext context) {
        Channel ch = context.entities().ref(Channel.class, channel.name());
        List<ChatLine> history = (member ? ch.connected(context.player(), liveSessions(context))
                : ch.join(context.player(), liveSessions(context))).await();
        if (!member) {
            List<String> channels = new ArrayList<>(context.state().channels());
            channels.add(channel.name());
            context.setState(context.state().withChannels(channels));
        }
        String said = member ? "You are in channel " + channel.name() + " already." : "You join channel " + channel.name() + ".";
        return Outcomes.done(GameEvents.text(said + " " + channel.description(), GameEvents.TextStyle.SYSTEM),
                SocialEvents.channelHistory(channel.name(), history));
    }

    private static Future<CommandOutcome> leave(String channel, boolean member, CommandContext context) {
        if (!member) return Outcomes.refused("You are not in channel " + channel + ".");
        context.entities().ref(Channel.class, channel).leave(context.player()).await();
        context.setState(context.state().withChannels(context.state().channels().stream().filter(c -> !c.equals(channel)).toList()));
        return Outcomes.done(GameEvents.text(
                "You leave channel " + channel + ". 'chat join " + channel + "' brings you back.", GameEvents.TextStyle.SYSTEM));
    }

    private static List<SessionRef> liveSessions(CommandContext context) {
        return context.state().liveSessions(context.services().liveSessions());
    }

}
