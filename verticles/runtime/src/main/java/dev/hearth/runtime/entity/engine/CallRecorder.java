package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.store.StoredCall;
import io.vertx.core.Future;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/** Captures the one entity call a lambda makes, to store it instead of making it (transfers). */
final class CallRecorder implements InvocationHandler {
    private final TypeInfo info;
    private MethodInfo method;
    private Object[] args;

    private CallRecorder(TypeInfo info) {
        this.info = info;
    }

    /**
     * @throws IllegalArgumentException when the lambda makes no entity call, or more than one
     * @throws RuntimeException from the codec when an argument cannot be encoded
     */
    static <T> StoredCall record(EntityRuntime runtime, Ref<T> to, Function<T, Future<?>> call) {
        TypeInfo info = runtime.typeOf(to.type());
        CallRecorder recorder = new CallRecorder(info);
        T proxy = to.type().cast(Proxy.newProxyInstance(to.type().getClassLoader(), new Class<?>[]{to.type()}, recorder));
        call.apply(proxy);
        if (recorder.method == null) {
            throw new IllegalArgumentException("a transfer to " + to + " must call one of its methods");
        }
        String args = runtime.codec().encodeArguments(recorder.args, recorder.method.parameterTypes).toString();
        return new StoredCall(to.id(), recorder.method.signature, args);
    }

    @Override
    public Object invoke(Object proxy, Method called, Object[] callArgs) {
        MethodInfo target = info.method(called);
        if (target == null) throw new IllegalArgumentException(called.getName() + " is not an entity method of " + info.name);
        if (method != null) throw new IllegalArgumentException("a transfer makes one call, not " + method.signature + " and " + target.signature);
        method = target;
        args = callArgs == null ? new Object[0] : callArgs;
        return null;
    }
}
