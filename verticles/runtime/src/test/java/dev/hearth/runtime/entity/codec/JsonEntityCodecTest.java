package dev.hearth.runtime.entity.codec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.entity.EntityName;
import dev.hearth.runtime.entity.Ref;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.hearth.runtime.entity.codec.CodecRoundTrip.assertArgumentsRoundTrip;
import static dev.hearth.runtime.entity.codec.CodecRoundTrip.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonEntityCodecTest {

    interface Barrel {
        Future<Boolean> onHit();
    }

    interface Player {
        Future<Integer> enterLevel(List<Ref<Barrel>> barrels);

        Future<Void> say(String text, Item item);

        Future<Void> hand(Barrel barrel, int count);

        Future<Void> look();
    }

    @EntityName("crate")
    interface Crate {
        Future<Void> open();
    }

    enum Rarity { COMMON, RARE }

    record Item(String name, int weight, Rarity rarity) {
    }

    record Bag(Map<String, List<Item>> pockets, Set<String> tags) {
    }

    record Stash(Ref<Barrel> barrel, List<Ref<Crate>> crates, Barrel guard) {
    }

    record Gear(byte[] blob, Instant at, Duration cooldown, Optional<String> note) {
    }

    record Health(int points) {
        public boolean isDead() {
            return points <= 0;
        }

        public int getDouble() {
            return points * 2;
        }
    }

    record Hero(String name, int level, List<String> titles, Optional<Ref<Barrel>> target) {
    }

    /** What a game type might ask for; the codec still refuses class names from the input. */
    record Envelope(@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object payload) {
    }

    /** Counts constructions: an injection attempt must leave it at zero. */
    public static final class Canary {
        static final AtomicInteger MADE = new AtomicInteger();
        private String command;

        public Canary() {
            MADE.incrementAndGet();
        }

        public String getCommand() {
            return command;
        }

        public void setCommand(String command) {
            this.command = command;
        }
    }

    private final FakeRefBinder binder = new FakeRefBinder(Barrel.class, Player.class, Crate.class);
    private JsonEntityCodec codec;

    @BeforeEach
    void freshCodec() {
        codec = new JsonEntityCodec(binder);
    }

    @Test
    void roundTripsPrimitivesBoxesAndStrings() {
        assertRoundTrips(codec, 42, int.class);
        assertRoundTrips(codec, Long.MAX_VALUE, long.class);
        assertRoundTrips(codec, 0.1 + 0.2, double.class);
        assertRoundTrips(codec, 1.5f, float.class);
        assertRoundTrips(codec, true, boolean.class);
        assertRoundTrips(codec, 'é', char.class);
        assertRoundTrips(codec, (byte) -3, Byte.class);
        assertRoundTrips(codec, 7, Integer.class);
        assertRoundTrips(codec, "snow \"quoted\" \u2603 and \n newline", String.class);
        assertRoundTrips(codec, "", String.class);
    }

    @Test
    void roundTripsEnums() {
        assertThat(codec.encode(Rarity.RARE, Rarity.class).toString()).isEqualTo("\"RARE\"");
        assertRoundTrips(codec, Rarity.RARE, Rarity.class);
    }

    @Test
    void roundTripsRecordsNestedInListsInMaps() throws Exception {
        Bag bag = new Bag(
                Map.of("left", List.of(new Item("apple", 1, Rarity.COMMON), new Item("gem", 0, Rarity.RARE)), "right", List.of()),
                Set.of("heavy", "wet"));
        assertRoundTrips(codec, bag, Bag.class);
        assertRoundTrips(codec, Map.of("bags", List.of(bag)), typeOf("mapOfBags"));
    }

    @Test
    void roundTripsEmptyCollections() throws Exception {
        assertRoundTrips(codec, List.of(), typeOf("listOfRefs"));
        assertRoundTrips(codec, Map.of(), typeOf("mapOfBags"));
        assertRoundTrips(codec, new Bag(Map.of(), Set.of()), Bag.class);
        assertRoundTrips(codec, new byte[0], byte[].class);
    }

    @Test
    void roundTripsNullsOfReferenceTypes() throws Exception {
        assertRoundTrips(codec, null, String.class);
        assertRoundTrips(codec, null, Item.class);
        assertRoundTrips(codec, null, typeOf("listOfRefs"));
        assertRoundTrips(codec, null, Barrel.class);
        assertRoundTrips(codec, new Item(null, 3, null), Item.class);
        assertRoundTrips(codec, new Stash(null, null, null), Stash.class);
        assertRoundTrips(codec, Arrays.asList("a", null), typeOf("listOfStrings"));
    }

    @Test
    void refusesNullForAPrimitive() {
        assertThatThrownBy(() -> codec.decode(Buffer.buffer("null"), int.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("int");
        assertThatThrownBy(() -> codec.decode(Buffer.buffer("{\"name\":\"apple\",\"weight\":null,\"rarity\":\"RARE\"}"), Item.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("$.weight");
    }

    @Test
    void refsComeBackBoundToTheBinder() {
        Ref<Barrel> ref = binder.refOf(Barrel.class, "b1");
        assertThat(codec.encode(ref, Ref.class).toString()).isEqualTo("{\"$ref\":\"Barrel\",\"key\":\"b1\"}");

        Ref<?> decoded = assertRoundTrips(codec, ref, Ref.class);
        assertThat(decoded.type()).isEqualTo(Barrel.class);
        assertThat(binder.idOfProxy(decoded.get())).contains(ref.id());
    }

    @Test
    void aListOfRefsComesBackAsRefsOfTheDeclaredType() throws Exception {
        List<Ref<Barrel>> barrels = List.of(binder.refOf(Barrel.class, "b1"), binder.refOf(Barrel.class, "b2"));
        List<?> decoded = assertRoundTrips(codec, barrels, typeOf("listOfRefs"));
        assertThat(decoded).allSatisfy(ref -> assertThat(((Ref<?>) ref).get()).isInstanceOf(Barrel.class));
    }

    @Test
    void refsAndProxiesInsideRecordsUseTheStoredTypeName() {
        Stash stash = new Stash(binder.refOf(Barrel.class, "b1"), List.of(binder.refOf(Crate.class, "c1")), binder.proxy(Barrel.class, "b2"));
        assertThat(codec.encode(stash, Stash.class).toString()).isEqualTo(
                "{\"barrel\":{\"$ref\":\"Barrel\",\"key\":\"b1\"},\"crates\":[{\"$ref\":\"crate\",\"key\":\"c1\"}],"
                        + "\"guard\":{\"$ref\":\"Barrel\",\"key\":\"b2\"}}");
        Stash decoded = assertRoundTrips(codec, stash, Stash.class);
        assertThat(binder.idOfProxy(decoded.guard())).contains(new EntityId("Barrel", "b2"));
    }

    @Test
    void proxiesComeBackAsProxiesWhereAnEntityInterfaceIsDeclared() {
        Barrel barrel = binder.proxy(Barrel.class, "b1");
        assertThat(codec.encode(barrel, Barrel.class).toString()).isEqualTo("{\"$ref\":\"Barrel\",\"key\":\"b1\"}");
        Barrel decoded = assertRoundTrips(codec, barrel, Barrel.class);
        assertThat(binder.idOfProxy(decoded)).isPresent();
        // The two forms are one on the wire: the declared type decides what comes back.
        assertThat(codec.decode(codec.encode(barrel, Barrel.class), Ref.class)).isEqualTo(binder.refOf(Barrel.class, "b1"));
    }

    @Test
    void roundTripsBytesTimesAndOptionals() {
        Gear gear = new Gear(new byte[] {0, 1, -1}, Instant.parse("2026-11-05T10:15:30.123456789Z"), Duration.ofMillis(1500), Optional.of("sharp"));
        String json = codec.encode(gear, Gear.class).toString();
        assertThat(json).isEqualTo("{\"blob\":\"AAH/\",\"at\":\"2026-11-05T10:15:30.123456789Z\",\"cooldown\":\"PT1.5S\",\"note\":\"sharp\"}");

        Gear decoded = (Gear) codec.decode(Buffer.buffer(json), Gear.class);
        assertThat(decoded).usingRecursiveComparison().isEqualTo(gear);
        assertRoundTrips(codec, new byte[] {5, 6, 7}, byte[].class);
        assertRoundTrips(codec, Instant.EPOCH, Instant.class);
        assertRoundTrips(codec, new Hero("Ada", 3, List.of("brave"), Optional.of(binder.refOf(Barrel.class, "b1"))), Hero.class);
        assertRoundTrips(codec, new Hero("Bob", 1, List.of(), Optional.empty()), Hero.class);
    }

    @Test
    void recordsAreTheirComponentsOnly() {
        assertThat(codec.encode(new Health(3), Health.class).toString()).isEqualTo("{\"points\":3}");
        assertRoundTrips(codec, new Health(0), Health.class);
    }

    @Test
    void roundTripsArgumentsAgainstMethodParameterTypes() throws Exception {
        Object[] decoded = assertArgumentsRoundTrip(codec, method(Player.class, "enterLevel"),
                List.of(binder.refOf(Barrel.class, "b1"), binder.refOf(Barrel.class, "b2")));
        assertThat((List<?>) decoded[0]).allSatisfy(ref -> assertThat(ref).isInstanceOf(Ref.class));

        assertArgumentsRoundTrip(codec, method(Player.class, "say"), "hello", new Item("apple", 1, Rarity.COMMON));
        assertArgumentsRoundTrip(codec, method(Player.class, "say"), null, null);
        decoded = assertArgumentsRoundTrip(codec, method(Player.class, "hand"), binder.proxy(Barrel.class, "b9"), 2);
        assertThat(decoded[0]).isInstanceOf(Barrel.class);
    }

    @Test
    void aCallWithoutParametersTakesNullArguments() throws Exception {
        Type[] none = method(Player.class, "look").getGenericParameterTypes();
        Buffer encoded = codec.encodeArguments(null, none);
        assertThat(encoded.toString()).isEqualTo("[]");
        assertThat(codec.decodeArguments(encoded, none)).isEmpty();
    }

    @Test
    void wrongArgumentCountsAreRefused() throws Exception {
        Type[] types = method(Player.class, "say").getGenericParameterTypes();
        assertThatThrownBy(() -> codec.decodeArguments(Buffer.buffer("[\"hi\"]"), types))
                .isInstanceOf(CodecException.class).hasMessageContaining("argument 1").hasMessageContaining("expected 2 arguments, got 1");
        assertThatThrownBy(() -> codec.decodeArguments(Buffer.buffer("[\"hi\", null, 3]"), types))
                .isInstanceOf(CodecException.class).hasMessageContaining("expected 2 arguments, got more");
        assertThatThrownBy(() -> codec.encodeArguments(new Object[] {"hi"}, types))
                .isInstanceOf(CodecException.class).hasMessageContaining("expected 2 arguments, got 1");
        assertThatThrownBy(() -> codec.decodeArguments(Buffer.buffer("{\"text\":\"hi\"}"), types))
                .isInstanceOf(CodecException.class).hasMessageContaining("not a JSON array");
    }

    @Test
    void aBadArgumentIsNamedByItsIndex() throws Exception {
        Type[] types = method(Player.class, "say").getGenericParameterTypes();
        assertThatThrownBy(() -> codec.decodeArguments(Buffer.buffer("[\"hi\", {\"name\":\"apple\",\"weight\":\"heavy\",\"rarity\":\"RARE\"}]"), types))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("argument 1 (" + Item.class.getTypeName() + ")")
                .hasMessageContaining("$.weight");
        assertThatThrownBy(() -> codec.encodeArguments(new Object[] {"hi", "not an item"}, types))
                .isInstanceOf(CodecException.class).hasMessageContaining("argument 1").hasMessageContaining("is not a");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"name":"apple","weight":1,"rarity":"RARE"
            {"name":"apple","weight":1,"rarity":"RARE"} {}
            {name:"apple"}
            [1,
            ''
            """)
    void refusesMalformedJson(String json) {
        assertThatThrownBy(() -> codec.decode(Buffer.buffer(json), Item.class)).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> codec.decodeArguments(Buffer.buffer("[" + json + "]"), new Type[] {Item.class}))
                .isInstanceOf(CodecException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "12"                                          | int
            1.5                                           | int
            true                                          | int
            7                                             | string
            false                                         | string
            0                                             | rarity
            "LEGENDARY"                                   | rarity
            "apple"                                       | item
            []                                            | item
            {"name":["apple"],"weight":1,"rarity":"RARE"} | item
            "yesterday"                                   | instant
            {"$ref":"Barrel"}                             | barrel
            {"$ref":"Barrel","key":""}                    | barrel
            {"$ref":"Barrel","key":"b1","owner":"x"}      | barrel
            "b1"                                          | barrel
            """)
    void refusesValuesOfTheWrongType(String json, String declared) {
        Type type = switch (declared) {
            case "int" -> int.class;
            case "string" -> String.class;
            case "rarity" -> Rarity.class;
            case "item" -> Item.class;
            case "instant" -> Instant.class;
            case "barrel" -> Barrel.class;
            default -> throw new IllegalArgumentException(declared);
        };
        assertThatThrownBy(() -> codec.decode(Buffer.buffer(json), type)).isInstanceOf(CodecException.class);
    }

    @Test
    void aNumberWithoutFractionIsAFineDouble() {
        assertThat(codec.decode(Buffer.buffer("3"), double.class)).isEqualTo(3.0);
    }

    @Test
    void anUnknownRefTypeIsRefusedClearly() throws Exception {
        assertThatThrownBy(() -> codec.decode(Buffer.buffer("[{\"$ref\":\"Dragon\",\"key\":\"d1\"}]"), typeOf("listOfRefs")))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("unknown entity type \"Dragon\"")
                .hasMessageContaining("$[0]");
        // A Java class name is not a stored name: the binder's registry decides, never Class.forName.
        assertThatThrownBy(() -> codec.decode(Buffer.buffer("{\"$ref\":\"" + Barrel.class.getName() + "\",\"key\":\"b1\"}"), Ref.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("unknown entity type");
    }

    @Test
    void aRefToAnotherTypeThanDeclaredIsRefused() throws Exception {
        assertThatThrownBy(() -> codec.decode(Buffer.buffer("[{\"$ref\":\"crate\",\"key\":\"c1\"}]"), typeOf("listOfRefs")))
                .isInstanceOf(CodecException.class).hasMessageContaining("a reference to a crate where a Barrel is expected");
        assertThatThrownBy(() -> codec.decode(Buffer.buffer("{\"$ref\":\"crate\",\"key\":\"c1\"}"), Barrel.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("where a Barrel is expected");
    }

    @Test
    void classNamesInTheInputInstantiateNothing() {
        String canary = "{\"@class\":\"" + Canary.class.getName() + "\",\"command\":\"calc\"}";
        String wrapped = "[\"" + Canary.class.getName() + "\",{\"command\":\"calc\"}]";
        String processBuilder = "{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"calc\"]}";

        assertThatThrownBy(() -> codec.decode(Buffer.buffer("{\"payload\":" + canary + "}"), Envelope.class))
                .isInstanceOf(CodecException.class).hasMessageContaining(Canary.class.getName());
        assertThatThrownBy(() -> codec.decodeState("{\"payload\":" + canary + "}", Envelope.class)).isInstanceOf(CodecException.class);

        for (String json : List.of(canary, wrapped, processBuilder)) {
            for (Type type : List.<Type>of(Item.class, Runnable.class, Ref.class, Barrel.class)) {
                assertThatThrownBy(() -> codec.decode(Buffer.buffer(json), type)).isInstanceOf(CodecException.class);
            }
            // Where anything is declared, a class name is only data.
            for (Type type : List.<Type>of(Object.class, Serializable.class)) {
                assertThat(codec.decode(Buffer.buffer(json), type)).isInstanceOfAny(Map.class, List.class);
            }
            assertThat(codec.decodeState(json.startsWith("{") ? json : "{}", Health.class)).isEqualTo(new Health(0));
        }
        assertThat(Canary.MADE).hasValue(0);
    }

    @Test
    void stateRoundTripsAsJsonText() {
        Hero hero = new Hero("Ada", 7, List.of("brave", "kind"), Optional.of(binder.refOf(Barrel.class, "b1")));
        String json = codec.encodeState(hero);
        assertThat(json).isEqualTo("{\"name\":\"Ada\",\"level\":7,\"titles\":[\"brave\",\"kind\"],\"target\":{\"$ref\":\"Barrel\",\"key\":\"b1\"}}");
        assertThat(codec.decodeState(json, Hero.class)).isEqualTo(hero);
    }

    @Test
    void oldStateWithARemovedFieldAndWithoutANewOneStillLoads() {
        String stored = "{\"name\":\"Ada\",\"mana\":12,\"titles\":[\"brave\"]}";
        assertThat(codec.decodeState(stored, Hero.class)).isEqualTo(new Hero("Ada", 0, List.of("brave"), Optional.empty()));
    }

    @Test
    void callsRefuseUnknownAndMissingFields() {
        // A field one side does not know means the nodes run different code: say so, drop nothing.
        assertThatThrownBy(() -> codec.decode(Buffer.buffer("{\"name\":\"apple\",\"weight\":1,\"rarity\":\"RARE\",\"mana\":1}"), Item.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("\"mana\"");
        assertThatThrownBy(() -> codec.decode(Buffer.buffer("{\"name\":\"apple\",\"rarity\":\"RARE\"}"), Item.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("'weight'");
        assertThatThrownBy(() -> codec.decode(Buffer.buffer("{\"name\":\"apple\",\"weight\":1}"), Item.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("'rarity'");
    }

    @Test
    void stateStillRefusesWrongTypes() {
        assertThatThrownBy(() -> codec.decodeState("{\"name\":\"Ada\",\"level\":\"seven\"}", Hero.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("state").hasMessageContaining("$.level");
        assertThatThrownBy(() -> codec.decodeState("{\"name\":", Hero.class)).isInstanceOf(CodecException.class);
    }

    @Test
    void entitiesAreNeverEncodedByValue() {
        Barrel implementation = () -> Future.succeededFuture(true);
        assertThatThrownBy(() -> codec.encode(implementation, Barrel.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("not a proxy");
        assertThatThrownBy(() -> codec.encode(List.of(implementation), Object.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("not a proxy");
    }

    @Test
    void aValueOfAnotherTypeThanDeclaredIsRefused() {
        assertThatThrownBy(() -> codec.encode("seven", int.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("java.lang.String is not a int");
    }

    @Test
    void resultsRoundTripAsTheirFutureType() throws Exception {
        Type result = method(Player.class, "enterLevel").getGenericReturnType();
        Type level = ((ParameterizedType) result).getActualTypeArguments()[0];
        assertRoundTrips(codec, 4, level);
    }

    // Declared generic types, as entity interfaces would declare them.
    @SuppressWarnings("unused")
    private static final class Declared {
        List<Ref<Barrel>> listOfRefs;
        Map<String, List<Bag>> mapOfBags;
        List<String> listOfStrings;
    }

    private static Type typeOf(String field) throws NoSuchFieldException {
        return Declared.class.getDeclaredField(field).getGenericType();
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }
}
