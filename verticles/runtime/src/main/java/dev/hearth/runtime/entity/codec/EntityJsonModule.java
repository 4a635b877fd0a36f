package dev.hearth.runtime.entity.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.entity.EntityName;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.RefBinder;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Jackson side of {@link JsonEntityCodec}: entity references (a {@link Ref} or an entity
 * proxy, both written as {@code {"$ref": stored type name, "key": key}} and read back as what
 * the declared type asks for, bound to the binder), {@link Optional}, and java.time values as
 * ISO-8601 text. These few lines stand in for Jackson's jdk8 and jsr310 modules, which the
 * build cannot get at the BOM's Jackson version.
 */
final class EntityJsonModule extends SimpleModule {
    private static final String TYPE_FIELD = "$ref";
    private static final String KEY_FIELD = "key";

    private final RefBinder binder;

    EntityJsonModule(RefBinder binder) {
        super("hearth-entities");
        this.binder = binder;
        text(Instant.class, Instant::parse);
        text(Duration.class, Duration::parse);
        setSerializerModifier(new ComponentsOnly());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addSerializers(new ReferenceSerializers());
        context.addDeserializers(new ReferenceDeserializers());
    }

    /** Written with toString(), read with {@code parse}: readable in the jsonb column, exact to the nanosecond. */
    private <T> void text(Class<T> type, Function<String, T> parse) {
        addSerializer(type, ToStringSerializer.instance);
        addDeserializer(type, new TextDeserializer<>(type, parse));
    }

    /**
     * Whether {@code type} is, or implements, a registered entity interface. Jackson keeps what
     * is found per class, so entity types are registered with the binder before the codec first
     * meets them.
     */
    private boolean isEntity(Class<?> type) {
        if (type.isInterface()) return registered(type);
        return Stream.of(type.getInterfaces()).anyMatch(this::registered);
    }

    private boolean registered(Class<?> candidate) {
        return binder.typeNamed(EntityName.Of.type(candidate)).filter(candidate::equals).isPresent();
    }

    /** A record is its components: an {@code isDead()} or {@code getTotal()} beside them is no field. */
    private static final class ComponentsOnly extends BeanSerializerModifier {
        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                         List<BeanPropertyWriter> properties) {
            Class<?> type = description.getBeanClass();
            if (!type.isRecord()) return properties;
            Set<String> components = Stream.of(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
            properties.removeIf(property -> !components.contains(property.getMember().getName()));
            return properties;
        }
    }

    private final class ReferenceSerializers extends Serializers.Base {
        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription description) {
            Class<?> raw = type.getRawClass();
            if (raw == Ref.class || isEntity(raw)) return new ReferenceSerializer();
            if (raw == Optional.class) return new OptionalSerializer();
            return null;
        }
    }

    private final class ReferenceDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription description) {
            Class<?> raw = type.getRawClass();
            if (raw == Ref.class) return new ReferenceDeserializer(type.containedTypeOrUnknown(0).getRawClass(), false);
            if (raw.isInterface() && registered(raw)) return new ReferenceDeserializer(raw, true);
            if (raw == Optional.class) return new OptionalDeserializer(type.containedTypeOrUnknown(0), null);
            return null;
        }
    }

    /** A Ref, or a proxy standing for an entity: entities travel by reference, never by value. */
    private final class ReferenceSerializer extends StdSerializer<Object> {
        ReferenceSerializer() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            EntityId id = value instanceof Ref<?> ref ? ref.id() : binder.idOfProxy(value).orElse(null);
            if (id == null) {
                provider.reportMappingProblem("a %s is an entity but not a proxy of one: pass a Ref or a proxy, entities never travel by value",
                        value.getClass().getName());
            }
            gen.writeStartObject();
            gen.writeStringField(TYPE_FIELD, id.type());
            gen.writeStringField(KEY_FIELD, id.key());
            gen.writeEndObject();
        }
    }

    /**
     * Reads the reference form into a Ref or a proxy of the type it names. The type comes from
     * the binder's registry, never from a class name, and must fit the declared one.
     */
    private final class ReferenceDeserializer extends StdDeserializer<Object> {
        private final Class<?> expected;
        private final boolean asProxy;

        ReferenceDeserializer(Class<?> expected, boolean asProxy) {
            super(expected);
            this.expected = expected;
            this.asProxy = asProxy;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String typeName = null;
            String key = null;
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) token = parser.nextToken();
            for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING || !(TYPE_FIELD.equals(field) || KEY_FIELD.equals(field))) {
                    return mismatch(context, "an entity reference holds exactly \"$ref\" and \"key\", both strings; found \"" + field + "\"");
                }
                if (TYPE_FIELD.equals(field)) typeName = parser.getText();
                else key = parser.getText();
            }
            if (token != JsonToken.END_OBJECT || typeName == null || key == null) {
                return mismatch(context, "expected an entity reference {\"$ref\": type, \"key\": key}");
            }
            Class<?> type = binder.typeNamed(typeName).orElse(null);
            if (type == null) return mismatch(context, "unknown entity type \"" + typeName + "\" in a reference: no entity interface is registered under that name");
            if (!expected.isAssignableFrom(type)) {
                return mismatch(context, "a reference to a " + typeName + " where a " + expected.getSimpleName() + " is expected");
            }
            try {
                return asProxy ? binder.proxy(type, key) : binder.refOf(type, key);
            } catch (IllegalArgumentException e) {
                return mismatch(context, "invalid reference to " + typeName + ": " + e.getMessage());
            }
        }

        private Object mismatch(DeserializationContext context, String message) throws IOException {
            return context.reportInputMismatch(this, "%s", message);
        }
    }

    /** An Optional is its value, or null when empty. */
    private static final class OptionalSerializer extends StdSerializer<Optional<?>> {
        @SuppressWarnings("unchecked")
        OptionalSerializer() {
            super((Class<Optional<?>>) (Class<?>) Optional.class);
        }

        @Override
        public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) provider.defaultSerializeValue(value.get(), gen);
            else gen.writeNull();
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Optional<?> value) {
            return value.isEmpty();
        }
    }

    /** Null and a missing field (old state) both read as an empty Optional. */
    private static final class OptionalDeserializer extends StdDeserializer<Optional<?>> implements ContextualDeserializer {
        private final JavaType contentType;
        private final JsonDeserializer<Object> content;

        OptionalDeserializer(JavaType contentType, JsonDeserializer<Object> content) {
            super(Optional.class);
            this.contentType = contentType;
            this.content = content;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) throws JsonMappingException {
            return new OptionalDeserializer(contentType, context.findContextualValueDeserializer(contentType, property));
        }

        @Override
        public Optional<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Optional.ofNullable(content.deserialize(parser, context));
        }

        @Override
        public Optional<?> getNullValue(DeserializationContext context) {
            return Optional.empty();
        }
    }

    private static final class TextDeserializer<T> extends StdScalarDeserializer<T> {
        private final Function<String, T> parse;

        TextDeserializer(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                @SuppressWarnings("unchecked")
                T unexpected = (T) context.handleUnexpectedToken(handledType(), parser);
                return unexpected;
            }
            String text = parser.getText();
            try {
                return parse.apply(text);
            } catch (RuntimeException e) { // parsers signal bad text with assorted unchecked exceptions
                throw context.weirdStringException(text, handledType(), e.getMessage());
            }
        }
    }
}
