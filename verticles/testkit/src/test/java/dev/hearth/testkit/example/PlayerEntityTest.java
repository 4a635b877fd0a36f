package dev.hearth.testkit.example;

import dev.hearth.runtime.entity.EntityFailedException;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.example.Barrel;
import dev.hearth.runtime.entity.example.BarrelEntity;
import dev.hearth.runtime.entity.example.Player;
import dev.hearth.runtime.entity.example.PlayerEntity;
import dev.hearth.testkit.Call;
import dev.hearth.testkit.EntityTestKit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bob's level, tested as a game developer tests an entity: one player, thirty barrels, no database. */
class PlayerEntityTest {
    private static final String BOB = "Bob: Slayer of armoured cylinders";

    @AutoClose
    private final EntityTestKit kit = new EntityTestKit();

    private List<Ref<Barrel>> level(int barrels) {
        return IntStream.range(0, barrels).mapToObj(i -> kit.refOf(Barrel.class, "barrel-" + i)).toList();
    }

    @Test
    void bobScoresAPointForEachOfThirtyRealBarrels() {
        kit.register(PlayerEntity.TYPE, BarrelEntity.TYPE);
        Player bob = kit.ref(Player.class, BOB);

        assertThat(kit.await(bob.enterLevel(level(30)))).isEqualTo(30);
        assertThat(kit.await(bob.enterLevel(level(30)))).as("exploded barrels stay exploded").isEqualTo(30);

        assertThat(kit.state(PlayerEntity.TYPE, BOB)).isEqualTo(new PlayerEntity.State(30));
        assertThat(kit.state(BarrelEntity.TYPE, "barrel-29")).isEqualTo(new BarrelEntity.State(2));
    }

    @Test
    void bobScoresOnlyForTheFakeBarrelsThatExplode() {
        kit.register(PlayerEntity.TYPE)
                .fake(Barrel.class, key -> key.endsWith("0") ? FakeBarrel.exploding() : FakeBarrel.dud());
        Player bob = kit.ref(Player.class, BOB);

        assertThat(kit.await(bob.enterLevel(level(30)))).isEqualTo(3);
        assertThat(kit.calls(Barrel.class)).extracting(Call::key)
                .containsExactlyElementsOf(level(30).stream().map(Ref::key).toList());
        assertThat(kit.calls(Barrel.class)).extracting(Call::method).containsOnly("onHit");
    }

    @Test
    void aJammedBarrelFailsTheLevelAndBobKeepsHisScore() {
        kit.register(PlayerEntity.TYPE)
                .fake(Barrel.class, key -> key.equals("barrel-12") ? FakeBarrel.jammed() : FakeBarrel.exploding());
        Player bob = kit.ref(Player.class, BOB);
        assertThat(kit.await(bob.enterLevel(level(5)))).isEqualTo(5);

        assertThatThrownBy(() -> kit.await(bob.enterLevel(level(30))))
                .isInstanceOf(EntityFailedException.class)
                .hasMessageContaining("Barrel/barrel-12.onHit").hasMessageContaining("the barrel is jammed");

        assertThat(kit.await(bob.score())).isEqualTo(5);
        assertThat(kit.state(PlayerEntity.TYPE, BOB)).isEqualTo(new PlayerEntity.State(5));
        assertThat(kit.calls(Barrel.class)).as("no barrel hit after the jammed one")
                .last().extracting(Call::key).isEqualTo("barrel-12");
    }

    @Test
    void bobKeepsHisScoreAfterDeactivation() {
        kit.register(PlayerEntity.TYPE, BarrelEntity.TYPE);
        Player bob = kit.ref(Player.class, BOB);
        kit.await(bob.enterLevel(level(30)));

        kit.deactivate(Player.class, BOB);

        assertThat(kit.activeCount()).as("only the barrels are still active").isEqualTo(30);
        assertThat(kit.await(bob.score())).isEqualTo(30);
    }
}
