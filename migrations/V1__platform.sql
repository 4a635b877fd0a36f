-- Platform tables every node needs, whatever the game.

-- Facts about this database. database_id tells nodes whether they share one database:
-- a node refuses to join a cluster whose members report another id.
CREATE TABLE hearth_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO hearth_meta (key, value) VALUES ('database_id', gen_random_uuid()::text);

-- Live settings: operators change rows, every node applies the change within a second.
CREATE TABLE settings (
    key        text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_.]{0,99}$'),
    value      text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION settings_notify() RETURNS trigger AS $$
BEGIN
    -- The payload is only the key: nodes re-read the row, so payload size never limits a value.
    PERFORM pg_notify('hearth_settings', COALESCE(NEW.key, OLD.key));
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER settings_changed
    AFTER INSERT OR UPDATE OR DELETE ON settings
    FOR EACH ROW EXECUTE FUNCTION settings_notify();

CREATE FUNCTION settings_touch() RETURNS trigger AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- Operators write plain UPDATEs; the row still says when it last changed.
CREATE TRIGGER settings_touched
    BEFORE UPDATE ON settings
    FOR EACH ROW EXECUTE FUNCTION settings_touch();
