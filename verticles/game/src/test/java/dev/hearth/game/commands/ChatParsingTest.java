package dev.hearth.game.commands;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatParsingTest {
    private final ChatCommand chat = new ChatCommand();

    @Test
    void aChannelThenTextIsALineToSay() {
        assertThat(chat.parse("ooc  hello   there")).isEqualTo(ParseResult.parsed(new ChatCommand.Say("ooc", "hello   there")));
    }

    @Test
    void joinAndLeaveNameTheChannel() {
        assertThat(chat.parse("join trade")).isEqualTo(ParseResult.parsed(new ChatCommand.Join("trade")));
        assertThat(chat.parse("LEAVE ooc")).isEqualTo(ParseResult.parsed(new ChatCommand.Leave("ooc")));
    }

    @Test
    void somethingMissingSaysWhat() {
        assertThat(chat.parse("")).isEqualTo(ParseResult.invalid("Chat on which channel? 'channels' lists them."));
        assertThat(chat.parse("ooc")).isEqualTo(ParseResult.invalid("Say what on ooc?"));
        assertThat(chat.parse("join")).isEqualTo(ParseResult.invalid("Join which channel?"));
        assertThat(chat.parse("leave")).isEqualTo(ParseResult.invalid("Leave which channel?"));
    }
}
