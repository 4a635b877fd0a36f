package dev.hearth.game.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

/** A fresh world per test with two fake gateways, g1 and g2. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class TwoGatewayWorld {
    protected TestWorld world;
    protected FakeGateway g1;
    protected FakeGateway g2;

    @BeforeEach
    void startAWorldWithTwoGateways() {
        world = TestWorld.start();
        g1 = world.gateway("g1");
        g2 = world.gateway("g2");
    }

    @AfterEach
    void stopTheWorld() {
        if (world != null) world.close();
    }

    /** Forgets what both gateways were sent so far, so a test can look at one step. */
    protected void forgetDeliveries() {
        g1.clear();
        g2.clear();
    }
}
