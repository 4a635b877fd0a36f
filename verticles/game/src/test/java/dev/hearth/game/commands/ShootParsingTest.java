package dev.hearth.game.commands;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShootParsingTest {
    private final ShootCommand shoot = new ShootCommand();

    @ParameterizedTest
    @ValueSource(strings = {"3", "03", "#3", "b3", "barrel 3", "Barrel3", "barrel-3", "the barrel 3"})
    void aBarrelGoesByItsNumberHoweverItIsWritten(String typed) {
        assertThat(shoot.parse(typed)).isEqualTo(ParseResult.parsed(new ShootCommand.Target("3")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"the barrel", "cat", "3 4", "barrel three"})
    void anythingElseIsNoBarrel(String typed) {
        assertThat(shoot.parse(typed)).isEqualTo(ParseResult.invalid("Barrels go by number, like 'shoot 3'."));
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void shootingNothingAsksWhich(String typed) {
        assertThat(shoot.parse(typed)).isEqualTo(ParseResult.invalid("Shoot which barrel?"));
    }
}
