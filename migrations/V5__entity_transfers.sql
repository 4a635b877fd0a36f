-- Transfers between entities (docs/entities.md, "Transfers"): a call one entity sends
-- another exactly once, such as an item changing hands. The row is written in the same
-- transaction as the sender's change and deleted in the same transaction as the receiver's,
-- so between the two the item lives here: never in both inventories, never in neither.
CREATE TABLE entity_transfers (
    -- Also the command id the receiver applies it under, so a second delivery applies nothing.
    id            text        PRIMARY KEY,
    from_type     text        NOT NULL,
    from_key      text        NOT NULL,
    to_type       text        NOT NULL,
    to_key        text        NOT NULL,
    -- Method signature (name/arity) and the arguments as the entity codec encoded them.
    method        text        NOT NULL,
    args          text        NOT NULL,
    -- Sent back instead when the receiver refuses; all null when there is no refund, and a
    -- refused transfer is then delivered again later.
    refund_type   text,
    refund_key    text,
    refund_method text,
    refund_args   text,
    -- When a node should deliver it (again): the sender delivers it at once, and this is
    -- the fallback when the sender's node dies or the delivery fails.
    due_at        timestamptz NOT NULL,
    -- Deliveries claimed by the fallback; a transfer that keeps coming back needs a look.
    attempts      int         NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((refund_type IS NULL) = (refund_method IS NULL))
);

CREATE INDEX entity_transfers_due_at ON entity_transfers (due_at);
