package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.CallOptions;
import dev.hearth.runtime.entity.EntityId;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** Behind every entity proxy: turns an interface call into an entity call. */
final class ProxyHandler implements InvocationHandler {
    final EntityRuntime runtime;
    final TypeInfo info;
    final EntityId id;
    final CallOptions options;

    ProxyHandler(EntityRuntime runtime, TypeInfo info, EntityId id, CallOptions options) {
        this.runtime = runtime;
        this.info = info;
        this.id = id;
        this.options = options;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        MethodInfo target = info.method(method);
        if (target != null) return runtime.invoke(id, target, args == null ? new Object[0] : args, options);
        if (method.isDefault()) return InvocationHandler.invokeDefault(proxy, method, args);
        return switch (method.getName()) {
            case "equals" -> args[0] != null && Proxy.isProxyClass(args[0].getClass())
                    && Proxy.getInvocationHandler(args[0]) instanceof ProxyHandler other && other.id.equals(id);
            case "hashCode" -> id.hashCode();
            case "toString" -> "proxy of " + id;
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }

    static ProxyHandler of(Object candidate) {
        if (candidate != null && Proxy.isProxyClass(candidate.getClass())
                && Proxy.getInvocationHandler(candidate) instanceof ProxyHandler handler) {
            return handler;
        }
        return null;
    }
}
