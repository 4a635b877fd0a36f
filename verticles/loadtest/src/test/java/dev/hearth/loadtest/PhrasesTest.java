package dev.hearth.loadtest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PhrasesTest {
    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void withoutALineSizeBotsSayTheShortPhrases() {
        assertThat(Phrases.of(0)).isSameAs(Phrases.SHORT);
        assertThat(Phrases.SHORT.phrase(random)).isIn(Phrases.PHRASES);
        assertThat(Phrases.SHORT.gesture(random)).isIn(Phrases.GESTURES);
    }

    @Test
    void everyTextIsExactlyTheLineSizeOfPrintableAsciiThatTheServerWillNotTrim() {
        for (int bytes : List.of(1, 2, 7, 12, 13, 100, 257, BotOptions.MAX_LINE_BYTES)) {
            Phrases words = Phrases.of(bytes);
            for (int i = 0; i < 50; i++) {
                for (String text : List.of(words.phrase(random), words.gesture(random))) {
                    assertThat(text.getBytes(StandardCharsets.UTF_8)).as("'%s'", text).hasSize(bytes);
                    assertThat(text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)).as("'%s' is printable ASCII", text).isTrue();
                    assertThat(text).isEqualTo(text.strip()).doesNotContain("  ");
                }
            }
        }
        assertThat(Phrases.sized("waves.", 100)).startsWith("waves. Hello there! Anyone seen the cat?");
        // "Hello there!" cut after its space would end in one: the server trims it, so it is a dot.
        assertThat(Phrases.sized("Hello there!", 7)).isEqualTo("Hello t");
        assertThat(Phrases.sized("Hello there!", 6)).isEqualTo("Hello.");
    }

    @Test
    void theActionsThatSpeakUseTheLineSize() {
        BotView view = new BotView("bot0001", List.of());
        view.observe(new io.vertx.core.json.JsonObject(BotViewTest.ROOM));
        Phrases words = Phrases.of(100);
        assertThat(Action.SAY.line(view, random, words).orElseThrow()).hasSize("say ".length() + 100);
        assertThat(Action.EMOTE.line(view, random, words).orElseThrow()).hasSize("emote ".length() + 100);
        assertThat(Action.TELL.line(view, random, words).orElseThrow()).hasSize("tell Alice ".length() + 100);
        assertThat(Action.CHAT.line(view, random, words).orElseThrow()).matches("chat (ooc|newbie) .{100}");
    }
}
