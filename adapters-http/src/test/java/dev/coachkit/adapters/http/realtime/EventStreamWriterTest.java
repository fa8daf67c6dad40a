package dev.coachkit.adapters.http.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Ending;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One Server-Sent Events response on a connection the test controls: nothing goes out before the stream
 * is live, a client that does not read is refused once its buffer is full, and the end message is the last.
 */
class EventStreamWriterTest {

    private final Connection connection = new Connection();
    private final Map<String, String> headers = new HashMap<>();
    private final int[] status = {0};
    private final EventStreamWriter writer = newWriter();

    /** The servlet output of a connection that takes bytes while {@code ready}, as Jetty's does. */
    private static final class Connection extends ServletOutputStream {
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        private WriteListener listener;
        private boolean ready = true;
        private int flushes;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            this.listener = listener;
            if (ready) {
                writable();
            }
        }

        @Override
        public void write(int b) {
            sent.write(b);
        }

        @Override
        public void flush() {
            flushes++;
        }

        void becomeWritable() {
            ready = true;
            writable();
        }

        private void writable() {
            try {
                listener.onWritePossible();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        String text() {
            return sent.toString(StandardCharsets.UTF_8);
        }
    }

    private EventStreamWriter newWriter() {
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getOutputStream" -> {
                            return connection;
                        }
                        case "setStatus" -> status[0] = (int) args[0];
                        case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        try {
            return new EventStreamWriter(response, new EncodedEvents(), Runnable::run);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private boolean post(String id) {
        return writer.event(id, "post.created", Map.of("postId", "p-" + id));
    }

    @Test
    void nothing_goes_out_before_the_stream_is_live_then_the_answer_and_what_was_queued_do() {
        post("1-1");

        assertThat(status[0]).isZero();
        assertThat(connection.text()).isEmpty();

        writer.live();

        assertThat(status[0]).isEqualTo(200);
        assertThat(headers).containsEntry("Content-Type", "text/event-stream;charset=utf-8")
                .containsEntry("X-Accel-Buffering", "no").containsEntry("Cache-Control", "no-cache");
        assertThat(connection.text()).startsWith("id: 1-1\nevent: post.created\ndata: {");
        assertThat(connection.flushes).isEqualTo(1);
        assertThat(writer.finished()).isNotDone();
    }

    @Test
    void a_client_that_does_not_read_is_refused_once_its_buffer_is_full_and_gets_the_rest_when_it_reads() {
        writer.live();
        connection.ready = false;

        int accepted = 0;
        while (post("1-" + accepted)) {
            accepted++;
        }

        assertThat(accepted).isPositive()
                .as("each event is some 50 bytes: the buffer, not a count, is the bound")
                .isBetween(EventStreamWriter.MAX_QUEUED_BYTES / 100, EventStreamWriter.MAX_QUEUED_BYTES / 40);
        connection.becomeWritable();
        assertThat(connection.text()).contains("id: 1-0\n", "id: 1-" + (accepted - 1) + "\n");
        assertThat(post("2-1")).as("room again once the client read").isTrue();
    }

    @Test
    void the_end_message_is_the_last_and_the_response_finishes_once_it_is_out() {
        writer.live();
        post("1-1");

        writer.end(Ending.REVOKED);

        assertThat(post("1-2")).as("nothing after the end").isFalse();
        assertThat(connection.text()).endsWith("event: end\ndata: {\"reason\":\"REVOKED\"}\n\n")
                .doesNotContain("1-2");
        assertThat(writer.finished()).isDone();
    }

    @Test
    void a_stopping_server_says_so_with_a_retry_hint_even_to_a_stream_not_yet_live() {
        writer.end(Ending.SHUTDOWN);

        assertThat(status[0]).isEqualTo(200);
        assertThat(connection.text()).matches("(?s)retry: \\d{4}\nevent: end\ndata: \\{\"reason\":\"SHUTDOWN\"}\n\n");
        assertThat(writer.finished()).isDone();
    }

    @Test
    void a_client_too_slow_to_read_is_let_go_at_once_without_a_message() {
        writer.live();
        connection.ready = false;
        post("1-1");

        writer.end(Ending.TOO_SLOW);

        assertThat(writer.finished()).isDone();
        connection.becomeWritable();
        assertThat(connection.text()).isEmpty();
    }
}
