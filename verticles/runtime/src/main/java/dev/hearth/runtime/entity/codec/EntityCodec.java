package dev.hearth.runtime.entity.codec;

import io.vertx.core.buffer.Buffer;

import java.lang.reflect.Type;

/**
 * Turns what crosses node boundaries or goes to the database into bytes and back: call
 * arguments, results and entity state. Values are records, lists, maps, primitives and their
 * boxes, strings, enums, {@link dev.hearth.runtime.entity.Ref}s and entity proxies, nested
 * in any way; {@code type} is the declared (generic) type, so a {@code List<Ref<Barrel>>}
 * comes back as one. Pluggable: JSON ({@link JsonEntityCodec}) by default.
 */
public interface EntityCodec {

    /** The codec's name, stored with nothing; for logs and benchmarks. */
    String name();

    Buffer encode(Object value, Type type);

    /** @throws CodecException when the bytes do not hold a value of that type */
    Object decode(Buffer bytes, Type type);

    /** Arguments of one call, encoded together against the method's parameter types. */
    Buffer encodeArguments(Object[] arguments, Type[] types);

    Object[] decodeArguments(Buffer bytes, Type[] types);

    /** Entity state as JSON text, the form the store keeps (a jsonb column). */
    String encodeState(Object state);

    <S> S decodeState(String json, Class<S> stateType);
}
