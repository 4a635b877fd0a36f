package dev.hearth.loadtest;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotOptionsTest {
    private static final Map<String, String> DB = Map.of("HEARTH_DB_URL", "postgresql://postgres@127.0.0.1:15432/postgres");

    @Test
    void aRunNeedsPlayersAndADurationAndDefaultsTheRest() {
        BotOptions options = BotOptions.parse(new String[] {"--players", "300", "--duration=20"}, DB);
        assertThat(options.players()).isEqualTo(300);
        assertThat(options.durationSeconds()).isEqualTo(20);
        assertThat(options.enterLimitSeconds()).isEqualTo(120);
        assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(options.database()).isEqualTo(DB.get("HEARTH_DB_URL"));
        assertThat(options.json()).isEqualTo(Path.of("bots.json"));
        assertThat(options.mix().weights()).isEqualTo(Mix.PRESETS.get("default"));
        assertThat(options.sourceAddresses()).isEqualTo(1);
        assertThat(options.thinkMillis()).isEqualTo(1000);
        assertThat(options.messagesPerSecond()).isEqualTo(20);

        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--duration", "20"}, DB)).hasMessageContaining("--players is required");
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--players", "20"}, DB)).hasMessageContaining("--duration is required");
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--players", "2", "--duration", "2", "--colour", "red"}, DB))
                .hasMessageContaining("unknown option --colour");
    }

    @Test
    void everyRunIsBoundedInPlayersAndTime() {
        assertThatThrownBy(() -> parse("--players", "0", "--duration", "10")).hasMessageContaining("--players must be from 1");
        assertThatThrownBy(() -> parse("--players", "1000000", "--duration", "10")).hasMessageContaining("run several with --first");
        assertThatThrownBy(() -> parse("--players", "10", "--duration", "3601")).hasMessageContaining("--duration must be from 1 to 3600");
        assertThatThrownBy(() -> parse("--players", "10", "--duration", "10", "--enter-limit", "3601")).hasMessageContaining("--enter-limit must be from 1 to 3600");
        assertThatThrownBy(() -> parse("--players", "10", "--duration", "10", "--enter-limit", "10", "--ramp", "11"))
                .hasMessageContaining("--ramp must be from 0 to 10");
    }

    @Test
    void botsNeverThinkFasterThanTheGatewaysSendBudget() {
        assertThat(parse("--players", "1", "--duration", "1", "--think", "50").thinkMillis()).isEqualTo(50);
        assertThatThrownBy(() -> parse("--players", "1", "--duration", "1", "--think", "49")).hasMessageContaining("--think must be from 50");
        assertThatThrownBy(() -> parse("--players", "1", "--duration", "1", "--rate", "5", "--think", "100")).hasMessageContaining("--think must be from 200");
    }

    @Test
    void manyBotsSpreadOverLoopbackSourceAddressesAndOnlyOnLoopback() {
        BotOptions many = parse("--players", "12000", "--duration", "10");
        assertThat(many.sourceAddresses()).isEqualTo(3);
        assertThat(many.sourceAddress(0)).isEqualTo("127.0.0.1");
        assertThat(many.sourceAddress(4)).isEqualTo("127.0.0.2");
        assertThat(parse("--players", "10", "--duration", "10", "--source-addresses", "4").sourceAddresses()).isEqualTo(4);
        assertThat(parse("--players", "12000", "--duration", "10", "--gateway", "http://192.0.2.10:8080").sourceAddresses()).isEqualTo(1);
        assertThatThrownBy(() -> parse("--players", "10", "--duration", "10", "--gateway", "http://192.0.2.10:8080", "--source-addresses", "2"))
                .hasMessageContaining("only reaches a loopback gateway");
    }

    @Test
    void theGatewayIsAnHttpNodeAddress() {
        assertThat(parse("--players", "1", "--duration", "1", "--gateway", "http://localhost:18080/").gateway())
                .isEqualTo(URI.create("http://localhost:18080"));
        assertThatThrownBy(() -> parse("--players", "1", "--duration", "1", "--gateway", "ws://localhost:1")).hasMessageContaining("http://host[:port]");
        assertThatThrownBy(() -> parse("--players", "1", "--duration", "1", "--gateway", "http://localhost:1/eventbus")).hasMessageContaining("without a path");
    }

    @Test
    void botsAreNumberedFromFirstWithFourDigitsAtLeast() {
        BotOptions options = parse("--players", "5", "--duration", "1", "--first", "9998");
        assertThat(options.botName(0)).isEqualTo("bot9998");
        assertThat(options.botName(2)).isEqualTo("bot10000");
        assertThat(parse("--players", "5", "--duration", "1").botName(0)).isEqualTo("bot0001");
    }

    @Test
    void withoutADatabaseThereIsNothingToSeed() {
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--players", "1", "--duration", "1"}, Map.of()))
                .hasMessageContaining("--db").hasMessageContaining("HEARTH_DB_URL");
        assertThat(BotOptions.parse(new String[] {"--players", "1", "--duration", "1", "--db", "postgresql://u@h:1/d"}, DB).database())
                .isEqualTo("postgresql://u@h:1/d");
    }

    @Test
    void benchRoomsLineSizeAndTheReconnectStormAreOffUnlessAsked() {
        BotOptions plain = parse("--players", "10", "--duration", "10");
        assertThat(plain.roomsOf()).isZero();
        assertThat(plain.lineBytes()).isZero();
        assertThat(plain.reconnectAtSeconds()).isZero();

        BotOptions bench = parse("--players", "60", "--duration", "10", "--rooms-of", "20", "--line-bytes", "100", "--reconnect-at=5");
        assertThat(bench.roomsOf()).isEqualTo(20);
        assertThat(bench.lineBytes()).isEqualTo(100);
        assertThat(bench.reconnectAtSeconds()).isEqualTo(5);
        assertThatThrownBy(() -> parse("--players", "1", "--duration", "10", "--line-bytes", "901")).hasMessageContaining("--line-bytes must be from 0 to 900");
        assertThatThrownBy(() -> parse("--players", "1", "--duration", "10", "--rooms-of", "-1")).hasMessageContaining("--rooms-of must be from 0");
        assertThatThrownBy(() -> parse("--players", "1", "--duration", "10", "--reconnect-at", "10")).hasMessageContaining("under --duration 10");
    }

    @Test
    void aBotsRoomGroupComesFromItsNumberSoProcessesSideBySideAgree() {
        BotOptions one = parse("--players", "60", "--duration", "10", "--rooms-of", "20");
        assertThat(one.roomGroup(0)).isZero();      // bot0001
        assertThat(one.roomGroup(19)).isZero();     // bot0020
        assertThat(one.roomGroup(20)).isEqualTo(1); // bot0021
        assertThat(one.roomGroup(59)).isEqualTo(2);
        BotOptions second = parse("--players", "30", "--duration", "10", "--rooms-of", "20", "--first", "31");
        assertThat(second.roomGroup(0)).isEqualTo(1);  // bot0031
        assertThat(second.roomGroup(10)).isEqualTo(2); // bot0041
    }

    @Test
    void theUsageNamesEveryOption() {
        for (String option : List.of("--players", "--duration", "--enter-limit", "--gateway", "--mix", "--db", "--json", "--source-addresses",
                "--first", "--think", "--ramp", "--logins", "--rate", "--rooms-of", "--line-bytes", "--reconnect-at")) {
            assertThat(BotOptions.USAGE).contains(option + " ");
        }
    }

    private static BotOptions parse(String... args) {
        return BotOptions.parse(args, DB);
    }
}
