package dev.hearth.game.match;

import dev.hearth.runtime.settings.LiveSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchSettingsTest {

    @Test
    void lobbyNamesAreACommaSeparatedListInLowerCase() {
        assertThat(MatchSettings.parseNames(" Arena, yard ,cellar_2,")).containsExactly("arena", "yard", "cellar_2");
    }

    @Test
    void badLobbyNamesAreRefusedSayingWhy() {
        assertThatThrownBy(() -> MatchSettings.parseNames("arena, the yard")).hasMessageContaining("'the yard' is not a lobby name");
        assertThatThrownBy(() -> MatchSettings.parseNames("arena,ARENA")).hasMessageContaining("'arena' is listed twice");
        assertThatThrownBy(() -> MatchSettings.parseNames(" , ")).hasMessageContaining("no lobby named");
    }

    @Test
    void aRefusedValueKeepsTheOneInForce() {
        LiveSettings settings = new LiveSettings().register(MatchSettings.all());
        assertThat(settings.apply("lobby.names", "pit,yard")).isTrue();

        assertThat(settings.apply("lobby.names", "no good")).isFalse();

        assertThat(settings.get(MatchSettings.LOBBY_NAMES)).isEqualTo(List.of("pit", "yard"));
        assertThat(settings.apply("lobby.max_players", "1")).as("a match needs two").isFalse();
    }
}
