package dev.coachkit.adapters.http.realtime;

import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Ending;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Sink;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Server-Sent Events response written without blocking (servlet non-blocking output): the core's
 * delivery thread queues messages and returns at once; a few writer threads shared by every stream write
 * and flush whatever the connection can take, the rest when Jetty reports the connection writable again.
 * Queueing takes no lock that writing holds: the delivery thread serves every stream in turn, and waiting
 * on one stream's flush would delay all the others (a profile of 1,000 streams showed it blocked for
 * seconds that way). A client that lets more than {@link #MAX_QUEUED_BYTES} pile up is refused further
 * messages, which ends its stream, so one slow reader never holds up the others. {@link #finished()}
 * completes once the last message is out (or the connection failed), which ends the response. The 200
 * and its headers go out only when the core says the stream is {@link #live()}, so a client that fetches
 * once the stream answered misses nothing in between.
 */
final class EventStreamWriter implements Sink, WriteListener {

    /** What may wait for one slow client: a few hundred events. */
    static final int MAX_QUEUED_BYTES = 256 * 1024;

    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RESET = "event: reset\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8);

    private final HttpServletResponse response;
    private final ServletOutputStream out;
    private final EncodedEvents encoding;
    private final Executor writers;
    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedBytes = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean ending = new AtomicBoolean();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    /** The message that says why the stream ended; once it is written nothing more is. */
    private volatile byte[] last;

    private volatile boolean started;
    // guarded by this: the writing side
    private boolean unflushed = true; // the headers go out at once, before any event
    private boolean lastWritten;

    EventStreamWriter(HttpServletResponse response, EncodedEvents encoding, Executor writers) throws IOException {
        this.response = response;
        this.out = response.getOutputStream();
        this.encoding = encoding;
        this.writers = writers;
    }

    @Override
    public void live() {
        start();
    }

    /**
     * Sets the answer's headers and starts writing: the container calls {@link #onWritePossible} when the
     * connection can take bytes. Messages queued before wait for it.
     */
    private void start() {
        if (started) {
            return; // without the lock: the delivery thread never waits for a write in progress
        }
        synchronized (this) {
            if (started) {
                return;
            }
            started = true;
            response.setStatus(200);
            response.setContentType(RealtimeRoutes.EVENT_STREAM + ";charset=utf-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no"); // nginx and the like must pass events on at once
            out.setWriteListener(this);
        }
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    @Override
    public boolean event(String id, String type, Map<String, Object> data) {
        return enqueue(encoding.serverSent(id, type, data));
    }

    @Override
    public boolean ping() {
        return enqueue(PING);
    }

    @Override
    public void reset() {
        enqueue(RESET);
    }

    /**
     * The last message says why the stream ends; a stopping server adds a retry hint spread over a few
     * seconds, so its clients do not all reconnect at the same instant. A client too slow to read gets
     * nothing more: its connection is let go.
     */
    @Override
    public void end(Ending ending) {
        if (!this.ending.compareAndSet(false, true)) {
            return;
        }
        if (ending == Ending.TOO_SLOW) {
            queue.clear();
            finished.complete(null); // let the connection go now rather than wait for a reader that does not read
            return;
        }
        String retry = ending == Ending.SHUTDOWN ? "retry: " + ThreadLocalRandom.current().nextInt(1_000, 5_000) + "\n" : "";
        byte[] message = (retry + "event: end\ndata: {\"reason\":\"" + ending.name() + "\"}\n\n")
                .getBytes(StandardCharsets.UTF_8);
        last = message;
        queue.add(message);
        start(); // a stream that ends before it was live (the server stopping) still says so
        scheduleDrain();
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable failure) {
        ending.set(true);
        queue.clear();
        finished.complete(null);
    }

    private boolean enqueue(byte[] message) {
        if (ending.get()) {
            return false;
        }
        if (queuedBytes.addAndGet(message.length) > MAX_QUEUED_BYTES) {
            queuedBytes.addAndGet(-message.length);
            return false;
        }
        queue.add(message);
        scheduleDrain();
        return true;
    }

    /**
     * Hands the writing to the shared writers, once until they have started draining: the caller does no
     * I/O. The flag drops before the drain, so a message queued during it schedules the next one.
     */
    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            writers.execute(() -> {
                drainScheduled.set(false);
                drain();
            });
        }
    }

    /** Writes while the connection takes bytes; each write and flush may leave it unready, and Jetty calls back. */
    private synchronized void drain() {
        if (!started || finished.isDone()) {
            return;
        }
        try {
            byte[] next;
            while (!lastWritten && out.isReady() && (next = queue.poll()) != null) {
                if (next != last) {
                    queuedBytes.addAndGet(-next.length);
                }
                out.write(next);
                unflushed = true;
                lastWritten = next == last;
            }
            if (unflushed && out.isReady()) {
                out.flush();
                unflushed = false;
            }
            if (lastWritten && !unflushed && out.isReady()) {
                finished.complete(null);
            }
        } catch (IOException | IllegalStateException gone) {
            onError(gone);
        }
    }
}
