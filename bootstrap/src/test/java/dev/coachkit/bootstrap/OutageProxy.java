package dev.coachkit.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on a loopback port in front of a real server, so that a test can take a dependency
 * away from the server under test without stopping the dependency itself (other tests share it):
 * {@link #cut()} refuses new connections and resets the open ones, as a crashed or unreachable
 * server does; {@link #restore()} listens again on the same port, as the server coming back.
 */
final class OutageProxy implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "outage-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private int port;
    private ServerSocket listener;

    private OutageProxy(InetSocketAddress target) {
        this.target = target;
    }

    /** A proxy to {@code host:port}, listening. */
    static OutageProxy to(String host, int port) {
        OutageProxy proxy = new OutageProxy(new InetSocketAddress(host, port));
        proxy.restore();
        return proxy;
    }

    /** The loopback port the server under test should use instead of the dependency's own. */
    synchronized int port() {
        return port;
    }

    /** Listens (again) on the proxy's port: the dependency is back. */
    synchronized void restore() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            // the port was ours a moment ago; its closed connections may still linger in TIME_WAIT
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            port = socket.getLocalPort();
            listener = socket;
            threads.execute(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + LOOPBACK + ":" + port, e);
        }
    }

    /** Stops listening and resets every open connection: the dependency is gone. */
    synchronized void cut() {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        listener = null;
        open.forEach(OutageProxy::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        cut();
        threads.shutdownNow();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return;
            }
            Socket upstream = new Socket();
            open.add(client);
            open.add(upstream);
            try {
                upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException unreachable) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            threads.execute(() -> pipe(client, upstream));
            threads.execute(() -> pipe(upstream, client));
        }
    }

    /** Copies one direction until either side ends; then both go, so neither side waits on a half-open link. */
    private void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ended) {
            // a reset or a cut: the close below is all that is left to do
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort: the socket is gone either way
        }
    }
}
