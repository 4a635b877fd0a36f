package dev.hearth.loadtest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;

/**
 * A server frame, read lazily: its {@code type} and {@code address}, and of a body that is an
 * object its {@code seq} and {@code type}, in one pass of the streaming parser that builds no
 * tree. The body itself is decoded only when asked ({@link #body()}): a bot counts and
 * checks every event it is pushed, but most (said, chat, arrived...) tell it nothing, and
 * with thousands of bots on the server's two cores a JSON tree per event is most of a bot's
 * cost.
 *
 * @param bytes     the frame, UTF-8 JSON
 * @param seq       the body's {@code seq}, -1 without one
 * @param bodyType  the body's {@code type}, "" without one
 * @param bodyText  a body that is no object (an {@code err} frame's reason), as text; null otherwise
 */
record BridgeFrame(byte[] bytes, String type, String address, long seq, String bodyType, String bodyText, int bodyStart, int bodyEnd) {
    private static final JsonFactory JSON = new JsonFactory();

    /** @throws DecodeException when the frame is not a JSON object */
    static BridgeFrame read(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw new DecodeException("not a JSON object");
            String type = "";
            String address = "";
            long seq = -1;
            String bodyType = "";
            String bodyText = null;
            int bodyStart = -1;
            int bodyEnd = -1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : "";
                    case "address" -> address = value == JsonToken.VALUE_STRING ? parser.getText() : "";
                    case "body" -> {
                        if (value == JsonToken.START_OBJECT) {
                            bodyStart = (int) parser.currentTokenLocation().getByteOffset();
                            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                                String field = parser.currentName();
                                JsonToken inner = parser.nextToken();
                                if (field.equals("seq") && inner == JsonToken.VALUE_NUMBER_INT) seq = parser.getLongValue();
                                else if (field.equals("type") && inner == JsonToken.VALUE_STRING) bodyType = parser.getText();
                                else parser.skipChildren();
                            }
                            bodyEnd = (int) parser.currentTokenLocation().getByteOffset() + 1;
                        } else {
                            bodyText = value.isStructStart() ? null : parser.getText();
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) throw new DecodeException("not a JSON object");
            return new BridgeFrame(bytes, type, address, seq, bodyType, bodyText, bodyStart, bodyEnd);
        } catch (IOException e) {
            throw new DecodeException("not JSON: " + e.getMessage());
        }
    }

    boolean hasObjectBody() {
        return bodyStart >= 0;
    }

    /** The body, decoded now; null when it is no object. */
    JsonObject body() {
        return hasObjectBody() ? new JsonObject(Buffer.buffer(bytes).slice(bodyStart, bodyEnd)) : null;
    }

    /** The frame as text, for the log. */
    String text() {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
