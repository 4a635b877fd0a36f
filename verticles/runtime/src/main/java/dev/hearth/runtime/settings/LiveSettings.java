package dev.hearth.runtime.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The values of the live settings on this node. Reads are lock-free from any thread;
 * {@link SettingsListener} feeds changes from the database. A value that does not
 * parse is refused and logged, and the previous value stays in force.
 */
public final class LiveSettings {
    private static final Logger log = LoggerFactory.getLogger(LiveSettings.class);

    private final Map<String, Setting<?>> declared = new ConcurrentHashMap<>();
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<Object>>> listeners = new ConcurrentHashMap<>();

    /** Declares settings; their defaults apply until the database says otherwise. */
    public LiveSettings register(Setting<?>... settings) {
        for (Setting<?> setting : settings) {
            Setting<?> previous = declared.putIfAbsent(setting.key(), setting);
            if (previous != null && previous != setting) {
                throw new IllegalStateException("setting declared twice: " + setting.key());
            }
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        Object value = values.get(setting.key());
        return value == null ? setting.defaultValue() : (T) value;
    }

    /** Called (on the notifying thread) with each new value accepted for the setting. */
    @SuppressWarnings("unchecked")
    public <T> void onChange(Setting<T> setting, Consumer<T> listener) {
        listeners.computeIfAbsent(setting.key(), k -> new CopyOnWriteArrayList<>()).add(v -> listener.accept((T) v));
    }

    public Collection<Setting<?>> declared() {
        return List.copyOf(declared.values());
    }

    public Optional<Setting<?>> find(String key) {
        return Optional.ofNullable(declared.get(key));
    }

    /**
     * Applies a stored value (null: the row was deleted, back to the default).
     *
     * @return false when the value was refused
     */
    public boolean apply(String key, String storedValue) {
        Setting<?> setting = declared.get(key);
        if (setting == null) {
            log.debug("Setting '{}' is not used by this node; ignored", key);
            return true;
        }
        Object value;
        if (storedValue == null) {
            value = setting.defaultValue();
        } else {
            try {
                value = setting.parse().apply(storedValue);
            } catch (IllegalArgumentException e) {
                log.warn("Refused live setting '{}' = '{}': {} (expected {}); keeping {}",
                        key, abbreviate(storedValue), e.getMessage(), setting.type(), get(setting));
                return false;
            }
        }
        Object previous = values.put(key, value);
        if (!value.equals(previous == null ? setting.defaultValue() : previous)) {
            log.info("Live setting '{}' is now '{}'", key, abbreviate(String.valueOf(value)));
            for (Consumer<Object> listener : listeners.getOrDefault(key, List.of())) {
                try {
                    listener.accept(value);
                } catch (RuntimeException e) {
                    log.error("A listener of setting '{}' failed", key, e);
                }
            }
        }
        return true;
    }

    /** A snapshot of every declared setting and its value in force, for status pages. */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new java.util.TreeMap<>();
        for (Setting<?> setting : new ArrayList<>(declared.values())) out.put(setting.key(), get(setting));
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
