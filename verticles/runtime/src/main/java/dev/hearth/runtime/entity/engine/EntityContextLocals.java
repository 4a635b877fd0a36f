package dev.hearth.runtime.entity.engine;

import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.core.spi.context.storage.ContextLocal;

/**
 * The context locals of the entity runtime. Vert.x sizes every context's local storage when
 * an instance is built, so locals must be registered first: Vert.x loads this class as a
 * service provider (META-INF/services) before it builds any instance.
 */
public final class EntityContextLocals implements VertxServiceProvider {
    /** The call chain a call runs in, on the duplicated context of its turn. */
    static final ContextLocal<CallChain> CHAIN = ContextLocal.registerLocal(CallChain.class);

    @Override
    public void init(VertxBootstrap bootstrap) {
        // Nothing to set: loading the class registered the locals.
    }
}
