package dev.hearth.runtime.entity.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.ClassUtil;
import dev.hearth.runtime.entity.RefBinder;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default codec: JSON through Jackson, driven by the declared (generic) types.
 *
 * <p>How values look: records are objects of their components; lists and sets are arrays;
 * maps are objects; enums are their names; {@code byte[]} is base64 text; {@code Instant}
 * and {@code Duration} are ISO-8601 text ({@code "2026-11-05T10:15:30.5Z"}, {@code "PT1.5S"}),
 * readable in the database and exact to the nanosecond; an {@code Optional} is its value or
 * null. {@link dev.hearth.runtime.entity.Ref}s and entity proxies are both
 * {@code {"$ref": "Barrel", "key": "b1"}} and come back as whichever the declared type asks for,
 * bound to the binder.
 *
 * <p>Strictness: calls and results reject unknown and missing fields, so nodes running
 * different code fail loudly instead of dropping data; state ignores unknown fields and reads
 * missing ones as null, zero or empty, so state stored before a field was added or removed
 * still loads. Both fail on a value of the wrong JSON type (no "12" or 1.5 for an int, no 7 for
 * a String); calls also fail on null for a primitive.
 *
 * <p>No class is ever named by the input: default typing is off and every class-name based
 * subtype is refused, even one a game type asks for with {@code @JsonTypeInfo(use = CLASS)},
 * so an {@code "@class"} field is only data.
 */
public final class JsonEntityCodec implements EntityCodec {
    private final ObjectMapper mapper;
    private final ConcurrentHashMap<Type, Binding> bindings = new ConcurrentHashMap<>();

    /**
     * What one declared type needs, looked up once: Jackson's type, a reader of whole values,
     * one of array elements (content follows them), one of state, and a writer.
     */
    private record Binding(JavaType type, Class<?> valueClass, ObjectReader reader, ObjectReader elementReader,
                           ObjectReader stateReader, ObjectWriter writer) {

        void write(JsonGenerator gen, Object value) throws IOException {
            // Jackson would cast to the declared type and fail with a ClassCastException.
            if (value != null && !valueClass.isInstance(value)) {
                throw JsonMappingException.from(gen, "a " + value.getClass().getName() + " is not a " + type.toCanonical());
            }
            writer.writeValue(gen, value);
        }
    }

    public JsonEntityCodec(RefBinder binder) {
        this.mapper = JsonMapper.builder()
                .addModule(new EntityJsonModule(Objects.requireNonNull(binder, "binder")))
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder().build()) // allows no class name
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE) // arguments share one generator
                .build();
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public Buffer encode(Object value, Type type) {
        Binding binding = binding(type);
        try {
            return write(gen -> binding.write(gen, value));
        } catch (IOException e) {
            throw new CodecException("cannot encode a " + type.getTypeName() + ": " + reason(e), e);
        }
    }

    @Override
    public Object decode(Buffer bytes, Type type) {
        try {
            return binding(type).reader.readValue(bytes.getBytes());
        } catch (IOException e) {
            throw new CodecException("cannot decode a " + type.getTypeName() + ": " + reason(e), e);
        }
    }

    /** {@code arguments} may be null for none, as a proxy's invocation handler receives them. */
    @Override
    public Buffer encodeArguments(Object[] arguments, Type[] types) {
        Object[] values = arguments == null ? new Object[0] : arguments;
        if (values.length != types.length) {
            throw new CodecException("expected " + types.length + " arguments, got " + values.length, null);
        }
        try {
            return write(gen -> {
                gen.writeStartArray();
                for (int i = 0; i < types.length; i++) {
                    try {
                        binding(types[i]).write(gen, values[i]);
                    } catch (IOException e) {
                        throw new CodecException("cannot encode " + argument(i, types) + ": " + reason(e), e);
                    }
                }
                gen.writeEndArray();
            });
        } catch (IOException e) {
            throw new CodecException("cannot encode arguments: " + reason(e), e);
        }
    }

    @Override
    public Object[] decodeArguments(Buffer bytes, Type[] types) {
        Object[] arguments = new Object[types.length];
        try (JsonParser parser = mapper.createParser(bytes.getBytes())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) throw new CodecException("arguments are not a JSON array", null);
            for (int i = 0; i < types.length; i++) {
                if (parser.nextToken() == JsonToken.END_ARRAY) {
                    throw new CodecException(argument(i, types) + " is missing: expected " + types.length + " arguments, got " + i, null);
                }
                try {
                    arguments[i] = binding(types[i]).elementReader.readValue(parser);
                } catch (IOException e) {
                    throw new CodecException("cannot decode " + argument(i, types) + ": " + reason(e), e);
                }
            }
            if (parser.nextToken() != JsonToken.END_ARRAY) {
                throw new CodecException("expected " + types.length + " arguments, got more", null);
            }
            if (parser.nextToken() != null) throw new CodecException("unexpected content after the arguments", null);
        } catch (IOException e) {
            throw new CodecException("cannot decode arguments: " + reason(e), e);
        }
        return arguments;
    }

    @Override
    public String encodeState(Object state) {
        Objects.requireNonNull(state, "state");
        try {
            return binding(state.getClass()).writer.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new CodecException("cannot encode state " + state.getClass().getName() + ": " + reason(e), e);
        }
    }

    @Override
    public <S> S decodeState(String json, Class<S> stateType) {
        try {
            return stateType.cast(binding(stateType).stateReader.readValue(json));
        } catch (JsonProcessingException e) {
            throw new CodecException("cannot decode state " + stateType.getName() + ": " + reason(e), e);
        }
    }

    private Binding binding(Type type) {
        Binding known = bindings.get(type); // computeIfAbsent may lock even when the type is known
        return known != null ? known : bindings.computeIfAbsent(type, this::bind);
    }

    private Binding bind(Type declared) {
        JavaType type = mapper.getTypeFactory().constructType(declared);
        Class<?> raw = type.getRawClass();
        ObjectReader element = mapper.readerFor(type);
        ObjectReader whole = element.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // Stored state may predate a field (it reads as null, zero or empty) or keep a removed one.
        ObjectReader state = whole.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        return new Binding(type, raw.isPrimitive() ? ClassUtil.wrapperType(raw) : raw, whole, element, state, mapper.writerFor(type));
    }

    @FunctionalInterface
    private interface Writing {
        void to(JsonGenerator gen) throws IOException;
    }

    private Buffer write(Writing writing) throws IOException {
        Buffer out = Buffer.buffer(128);
        // The generator buffers internally and hands over its bytes in one piece on close.
        try (JsonGenerator gen = mapper.createGenerator(new OutputStream() {
            @Override
            public void write(int b) {
                out.appendByte((byte) b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                out.appendBytes(bytes, offset, length);
            }
        })) {
            writing.to(gen);
        }
        return out;
    }

    private static String argument(int index, Type[] types) {
        return "argument " + index + " (" + types[index].getTypeName() + ")";
    }

    /** Jackson's own message without its source location, and where in the value it went wrong ($.items[2].owner). */
    private static String reason(IOException e) {
        if (!(e instanceof JsonProcessingException processing)) return e.toString();
        StringBuilder reason = new StringBuilder(processing.getOriginalMessage());
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            reason.append(" (at $");
            for (JsonMappingException.Reference step : mapping.getPath()) {
                if (step.getFieldName() != null) reason.append('.').append(step.getFieldName());
                else if (step.getIndex() >= 0) reason.append('[').append(step.getIndex()).append(']');
            }
            reason.append(')');
        }
        return reason.toString();
    }
}
