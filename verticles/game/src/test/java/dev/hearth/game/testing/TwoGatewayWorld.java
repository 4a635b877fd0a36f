package dev.hearth.game.testing;

import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fresh world per test with two fake gateways, g1 and g2, on one database per test class:
 * the rooms are only read, so the class can share it.
 */
@ExtendWith(VertxExtension.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class TwoGatewayWorld {
    private static DatabaseUrl database;
    protected TestWorld world;
    protected FakeGateway g1;
    protected FakeGateway g2;

    @BeforeAll
    static void createTheDatabase() {
        database = TestDatabase.fresh();
    }

    @BeforeEach
    void startAWorldWithTwoGateways(Vertx vertx) {
        world = TestWorld.start(vertx, database);
        g1 = world.gateway("g1");
        g2 = world.gateway("g2");
    }
}
