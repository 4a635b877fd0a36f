package dev.hearth.loadtest;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerFactsTest {

    @Test
    void theCommandsAreTheWordsHelpListsAfterTwoSpaces() {
        JsonObject help = new JsonObject("""
                {"id": "probe-help", "ok": true, "events": [
                  {"type": "text", "text": "Commands:", "style": "help"},
                  {"type": "text", "text": "  look [thing] (l) - Shows the room, or a closer look at something.", "style": "help"},
                  {"type": "text", "text": "  go <exit> (n, s, e, w, u, d) - Goes through an exit.", "style": "help"},
                  {"type": "text", "text": "  help [command] (?) - Lists the commands, or shows how to use one.", "style": "help"},
                  {"type": "text", "text": "Type 'help <command>' to learn more about one.", "style": "help"}]}""");
        assertThat(ServerFacts.commands(help)).containsExactlyInAnyOrder("look", "go", "help");
        assertThat(ServerFacts.commands(new JsonObject().put("ok", false))).isEmpty();
    }
}
