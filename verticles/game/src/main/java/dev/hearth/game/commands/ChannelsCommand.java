package dev.hearth.game.commands;

import dev.hearth.game.chat.Channel;
import dev.hearth.game.chat.ChannelCatalog;
import dev.hearth.game.chat.ChannelInfo;
import dev.hearth.game.events.SocialEvents;
import dev.hearth.game.events.SocialEvents.ChannelEntry;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;

/** Lists the chat channels: which ones the player is in, and how many are in each. */
public final class ChannelsCommand implements Command<NoArgs> {

    @Override
    public String name() {
        return "channels";
    }

    @Override
    public String usage() {
        return "channels";
    }

    @Override
    public String summary() {
        return "Lists the chat channels, and which ones you are in.";
    }

    /** Only asks the channels how many are in them. See {@link Command#appliesOnce}. */
    @Override
    public boolean appliesOnce(String args) {
        return false;
    }

    @Override
    public ParseResult<NoArgs> parse(String args) {
        return ParseResult.none(args, "'channels' lists them all; 'chat join <channel>' joins one.");
    }

    @Override
    public Future<CommandOutcome> execute(NoArgs args, CommandContext context) {
        List<ChannelCatalog.Listed> listed = context.services().channels().channels();
        // Asked all at once: the list waits for the slowest channel, not for their sum.
        List<Future<ChannelInfo>> asked = listed.stream().map(c -> context.entities().ref(Channel.class, c.name()).info()).toList();
        Future.all(asked).await();
        List<ChannelEntry> entries = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            ChannelCatalog.Listed channel = listed.get(i);
            ChannelInfo info = asked.get(i).result();
            entries.add(new ChannelEntry(channel.name(), channel.description(), context.state().channels().contains(channel.name()),
                    info.members(), info.online()));
        }
        return Outcomes.done(SocialEvents.channels(entries));
    }
}
