package dev.hearth.runtime.entity.codec;

import io.vertx.core.buffer.Buffer;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions that values survive a codec: for every message and state type a game defines. */
public final class CodecRoundTrip {
    private CodecRoundTrip() {
    }

    /**
     * Encodes {@code value} as {@code type} and decodes it: it must come back equal (a top-level
     * array is compared by content; records holding arrays need their own equals).
     * @return the decoded value, to check more of it
     */
    public static <T> T assertRoundTrips(EntityCodec codec, T value, Type type) {
        Buffer encoded = codec.encode(value, type);
        Object decoded = codec.decode(encoded, type);
        assertThat(decoded).as("%s decoded from %s", type.getTypeName(), encoded).isEqualTo(value);
        @SuppressWarnings("unchecked")
        T same = (T) decoded;
        return same;
    }

    /** The same for the arguments of one call to {@code method}, against its generic parameter types. */
    public static Object[] assertArgumentsRoundTrip(EntityCodec codec, Method method, Object... arguments) {
        Type[] types = method.getGenericParameterTypes();
        Buffer encoded = codec.encodeArguments(arguments, types);
        Object[] decoded = codec.decodeArguments(encoded, types);
        assertThat(decoded).as("arguments of %s decoded from %s", method.getName(), encoded).isEqualTo(arguments);
        return decoded;
    }
}
