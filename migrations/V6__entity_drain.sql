-- Draining (docs/entities.md, "Lifecycle"): a node that drains keeps its lease alive, so
-- the entities it still holds stay fenced while it saves and releases them, but it is no
-- longer listed among the live hosts, so no new activation is placed on it.
ALTER TABLE entity_nodes ADD COLUMN draining boolean NOT NULL DEFAULT false;
