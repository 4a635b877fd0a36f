package dev.hearth.loadtest;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BridgeFrameTest {

    @Test
    void anEventIsReadForItsSeqAndTypeWhateverTheOrderOfItsFields() {
        String text = """
                {"address":"hearth.session.9","body":{"text":"Caf\\u00e9 \\"au\\" {lait}","you":false,"nested":{"type":"no","seq":99},
                 "list":[{"seq":98}],"type":"said","from":"Zo\u00eb","seq":42},"type":"rec"}""";
        BridgeFrame frame = read(text);
        assertThat(frame.type()).isEqualTo("rec");
        assertThat(frame.address()).isEqualTo("hearth.session.9");
        assertThat(frame.seq()).isEqualTo(42);
        assertThat(frame.bodyType()).isEqualTo("said");
        // The body, when asked for, is exactly the object sent: multi-byte characters and all.
        JsonObject body = frame.body();
        assertThat(body.getString("from")).isEqualTo("Zo\u00eb");
        assertThat(body.getString("text")).isEqualTo("Caf\u00e9 \"au\" {lait}");
        assertThat(body.getJsonObject("nested").getInteger("seq")).isEqualTo(99);
        assertThat(body).isEqualTo(new JsonObject(text).getJsonObject("body"));
    }

    @Test
    void anErrFramesReasonIsItsBodyText() {
        BridgeFrame frame = read("{\"type\":\"err\",\"body\":\"max_handlers_reached\"}");
        assertThat(frame.type()).isEqualTo("err");
        assertThat(frame.hasObjectBody()).isFalse();
        assertThat(frame.bodyText()).isEqualTo("max_handlers_reached");
        assertThat(frame.body()).isNull();
        assertThat(frame.seq()).isEqualTo(-1);
    }

    @Test
    void aReplyWithoutSeqOrTypeHasNeither() {
        BridgeFrame frame = read("{\"type\":\"rec\",\"address\":\"r1\",\"body\":{\"id\":\"c1\",\"ok\":true,\"events\":[{\"type\":\"said\",\"seq\":3}]}}");
        assertThat(frame.seq()).isEqualTo(-1);
        assertThat(frame.bodyType()).isEmpty();
        assertThat(frame.body().getJsonArray("events").getJsonObject(0).getString("type")).isEqualTo("said");
    }

    @Test
    void whatIsNoJsonObjectIsRefused() {
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> read("{\"type\":\"rec\",\"body\":{\"seq\":1")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> read("not json")).isInstanceOf(DecodeException.class);
    }

    private static BridgeFrame read(String text) {
        return BridgeFrame.read(text.getBytes(StandardCharsets.UTF_8));
    }
}
