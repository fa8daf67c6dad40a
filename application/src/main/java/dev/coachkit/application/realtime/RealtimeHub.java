package dev.coachkit.application.realtime;

import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase.Caller;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase;
import dev.coachkit.application.realtime.port.out.EventFeed;
import dev.coachkit.application.realtime.port.out.FeedBatch;
import dev.coachkit.application.realtime.port.out.FeedEvent;
import dev.coachkit.application.realtime.port.out.FeedPosition;
import dev.coachkit.application.realtime.port.out.RealtimeTicketStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.TenantId;
import dev.coachkit.domain.shared.TooManyRequestsException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The streams of one process, fed from one follower of the {@link EventFeed} per process (not per
 * client): a listening thread turns the feed's wake-ups into reads, and one delivery thread reads the
 * feed of each tenant that has streams, authorizes every event for every stream of that tenant and
 * hands it to the streams' sinks, which never block. The same thread replays what a resuming stream
 * missed, sends heartbeats and applies the answers of token rechecks (asked on two recheck threads), so
 * a stream's state has one writer and no thread is held per stream. It starts with the first stream and stops with {@link #stop()}.
 */
final class RealtimeHub implements OpenRealtimeStreamUseCase {

    private static final Logger LOG = System.getLogger(RealtimeHub.class.getName());
    private static final int PAGE = 200;
    /**
     * How soon the feed is read again when a running transaction held events back: the outbox relay's
     * claims do so for a few milliseconds at a time, so at once — for a second. A transaction that holds
     * the fence longer (an export, an idle session anywhere in the cluster) is then waited out on the poll
     * interval, rather than every process re-reading its tenants fifty times a second meanwhile.
     */
    private static final Duration HELD_BACK_RETRY = Duration.ofMillis(20);
    private static final Duration HELD_BACK_BRIEFLY = Duration.ofSeconds(1);
    private static final Duration TICK = Duration.ofMillis(500);

    private final EventFeed feed;
    private final RealtimeTicketStore tickets;
    private final AuthenticateUseCase authenticate;
    private final UnitOfWork unitOfWork;
    private final StreamAudience audience;
    private final Clock clock;
    private final RealtimeSettings settings;

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final AtomicBoolean readPending = new AtomicBoolean();
    private final Map<AccountId, Integer> perAccount = new HashMap<>();
    private int open;
    private volatile boolean running;
    private boolean stopped;
    private Thread delivery;
    private Thread listener;

    /** Touched by the delivery thread only. */
    private final Map<TenantId, Channel> channels = new HashMap<>();
    private Instant nextRead = Instant.EPOCH;
    private Instant nextSweep = Instant.EPOCH;
    /** Since when reads have been held back without a break; empty while they are not. */
    private Optional<Instant> heldBackSince = Optional.empty();
    /** Tokens whose recheck is under way. */
    private final Set<String> rechecking = new HashSet<>();
    private final ExecutorService rechecks = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "coachkit-realtime-recheck");
        thread.setDaemon(true);
        return thread;
    });

    RealtimeHub(EventFeed feed, RealtimeTicketStore tickets, AuthenticateUseCase authenticate, UnitOfWork unitOfWork,
            StreamAudience audience, Clock clock, RealtimeSettings settings) {
        this.feed = feed;
        this.tickets = tickets;
        this.authenticate = authenticate;
        this.unitOfWork = unitOfWork;
        this.audience = audience;
        this.clock = clock;
        this.settings = settings;
    }

    /** The streams of one tenant and how far the feed was read for them. */
    private static final class Channel {
        private FeedPosition head;
        private final Set<Subscriber> subscribers = new LinkedHashSet<>();

        Channel(FeedPosition head) {
            this.head = head;
        }
    }

    /** One open stream. Its fields other than {@code closed} belong to the delivery thread. */
    private final class Subscriber implements Stream {
        private final String accessToken;
        private final Sink sink;
        private final AtomicBoolean closed = new AtomicBoolean();
        private Caller caller;
        private FeedPosition delivered = FeedPosition.START;
        private Instant checked;
        private Instant pinged;

        Subscriber(String accessToken, Caller caller, Sink sink, Instant now) {
            this.accessToken = accessToken;
            this.caller = caller;
            this.sink = sink;
            this.checked = now;
            this.pinged = now;
        }

        /** The client went away. */
        @Override
        public void close() {
            if (release()) {
                tasks.add(() -> leave(this));
            }
        }

        /** Frees the stream's place once; true the first time. */
        boolean release() {
            if (!closed.compareAndSet(false, true)) {
                return false;
            }
            synchronized (RealtimeHub.this) {
                open--;
                perAccount.computeIfPresent(caller.actor().accountId(), (account, count) -> count > 1 ? count - 1 : null);
            }
            return true;
        }

        void deliver(StreamEvent event) {
            if (closed.get() || event.position().compareTo(delivered) <= 0) {
                return;
            }
            // decided before the position moves: a store that fails here gets the event retried, not skipped
            boolean receives = audience.mayReceive(caller.actor(), event);
            delivered = event.position();
            if (receives && !sink.event(event.position().text(), event.type(), event.data())) {
                end(this, Ending.TOO_SLOW);
            }
        }
    }

    @Override
    public Stream open(Command command) {
        String accessToken = accessToken(command.credential());
        Caller caller = authenticate.authenticate(accessToken);
        AccountId account = caller.actor().accountId();
        Subscriber subscriber = new Subscriber(accessToken, caller, command.sink(), clock.now());
        synchronized (this) {
            if (stopped) {
                throw new TooManyRequestsException("the server is stopping; reconnect", Duration.ofSeconds(1));
            }
            if (open >= settings.streamsPerProcess()) {
                throw new TooManyRequestsException("this server holds as many streams as it can", Duration.ofSeconds(5));
            }
            if (perAccount.getOrDefault(account, 0) >= settings.streamsPerAccount()) {
                throw new TooManyRequestsException("this account has " + settings.streamsPerAccount()
                        + " streams open already; close one first", Duration.ofSeconds(5));
            }
            open++;
            perAccount.merge(account, 1, Integer::sum);
            startOnce();
            // under the lock that stop() takes: a join queued before the stop is run by it, none after
            tasks.add(() -> join(subscriber, command.lastEventId()));
        }
        return subscriber;
    }

    /**
     * Ends every stream with the shutdown notice and stops the threads; streams opened afterwards are refused.
     * The streams are ended by the delivery thread, as its last task, since it owns them; only when it is gone
     * (or never started) does the caller touch them. A delivery thread stuck in the store past the grace
     * period is left to die with the process and its streams with it.
     */
    void stop() {
        Thread deliveryThread;
        Thread listenerThread;
        synchronized (this) {
            stopped = true;
            deliveryThread = delivery;
            listenerThread = listener;
        }
        if (deliveryThread != null) {
            tasks.add(() -> {
                endAll();
                running = false;
            });
            awaitEnd(deliveryThread, Duration.ofSeconds(5));
        }
        running = false;
        if (listenerThread != null) {
            listenerThread.interrupt();
            awaitEnd(listenerThread, Duration.ofSeconds(1));
        }
        rechecks.shutdownNow();
        if (deliveryThread != null && deliveryThread.isAlive()) {
            deliveryThread.interrupt();
            LOG.log(Level.WARNING, "the real-time delivery thread did not stop in time; its streams end with the process");
            return;
        }
        endAll();
        Runnable pending;
        while ((pending = tasks.poll()) != null) {
            pending.run(); // joins that never ran: each ends its stream at once, since nothing is running
        }
    }

    private void endAll() {
        for (Channel channel : List.copyOf(channels.values())) {
            for (Subscriber subscriber : List.copyOf(channel.subscribers)) {
                end(subscriber, Ending.SHUTDOWN);
            }
        }
    }

    private static void awaitEnd(Thread thread, Duration grace) {
        try {
            thread.join(grace.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private String accessToken(Credential credential) {
        if (credential instanceof Credential.Bearer bearer) {
            return bearer.accessToken();
        }
        String ticket = ((Credential.Ticket) credential).ticket();
        TicketSecrets secrets = new TicketSecrets(ticket);
        return tickets.take(secrets.digest(), clock.now()).flatMap(stored -> secrets.open(stored.sealedToken()))
                .orElseThrow(() -> new AuthenticationException("The ticket is unknown, used or expired."));
    }

    private void startOnce() {
        if (delivery != null) {
            return;
        }
        running = true;
        delivery = new Thread(this::deliverLoop, "coachkit-realtime");
        listener = new Thread(this::listenLoop, "coachkit-realtime-listener");
        delivery.setDaemon(true);
        listener.setDaemon(true);
        delivery.start();
        listener.start();
    }

    private void listenLoop() {
        while (running) {
            try {
                if (feed.awaitAppended(settings.poll()) && readPending.compareAndSet(false, true)) {
                    tasks.add(() -> {
                        readPending.set(false);
                        readFeed();
                    });
                }
            } catch (InterruptedException interrupted) {
                return;
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "real-time wake-ups failed; reading on the poll interval meanwhile", failure);
            }
        }
    }

    private void deliverLoop() {
        while (running) {
            try {
                Instant now = clock.now();
                Instant next = nextRead.isBefore(nextSweep) ? nextRead : nextSweep;
                Runnable task = tasks.poll(Math.max(0, Duration.between(now, next).toMillis()), TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                }
                now = clock.now();
                if (!now.isBefore(nextRead)) {
                    readFeed();
                }
                if (!now.isBefore(nextSweep)) {
                    sweep(now);
                    nextSweep = now.plus(TICK);
                }
            } catch (InterruptedException interrupted) {
                return;
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "real-time delivery failed; retrying", failure);
                Instant retry = clock.now().plus(settings.poll()); // not at once: the store may be away for a while
                nextRead = retry;
                nextSweep = retry;
            }
        }
    }

    /** Reads each tenant's feed past its head and delivers what it finds. */
    private void readFeed() {
        boolean heldBack = false;
        for (Map.Entry<TenantId, Channel> entry : channels.entrySet()) {
            heldBack |= readChannel(entry.getKey(), entry.getValue());
        }
        Instant now = clock.now();
        if (heldBack) {
            Instant since = heldBackSince.orElse(now);
            heldBackSince = Optional.of(since);
            boolean briefly = Duration.between(since, now).compareTo(HELD_BACK_BRIEFLY) < 0;
            nextRead = now.plus(briefly ? HELD_BACK_RETRY : settings.poll());
        } else {
            heldBackSince = Optional.empty();
            nextRead = now.plus(settings.poll());
        }
    }

    private boolean readChannel(TenantId tenant, Channel channel) {
        FeedBatch batch;
        do {
            FeedPosition from = channel.head;
            batch = unitOfWork.inTenant(tenant, () -> feed.after(tenant, from, PAGE));
            for (FeedEvent event : batch.events()) {
                StreamTypes.of(event).ifPresent(streamed -> List.copyOf(channel.subscribers)
                        .forEach(subscriber -> subscriber.deliver(streamed)));
                channel.head = event.position();
            }
        } while (batch.events().size() == PAGE);
        return batch.heldBack();
    }

    private void join(Subscriber subscriber, Optional<String> lastEventId) {
        if (subscriber.closed.get()) {
            return;
        }
        if (!running) {
            end(subscriber, Ending.SHUTDOWN);
            return;
        }
        TenantId tenant = subscriber.caller.actor().tenantId();
        Channel channel = channels.computeIfAbsent(tenant,
                created -> new Channel(unitOfWork.inTenant(tenant, () -> feed.head(tenant))));
        subscriber.sink.live(); // the channel's head stays put until this task ends: all after it will come
        if (lastEventId.isPresent()) {
            Optional<FeedPosition> resumeAfter = FeedPosition.parse(lastEventId.get())
                    .filter(position -> unitOfWork.inTenant(tenant, () -> feed.retains(tenant, position)));
            if (resumeAfter.isPresent()) {
                replay(tenant, channel, subscriber, resumeAfter.get());
            } else {
                subscriber.sink.reset();
                subscriber.delivered = channel.head;
            }
        } else {
            subscriber.delivered = channel.head;
        }
        channel.subscribers.add(subscriber);
    }

    /** Sends what followed {@code after} up to the channel's head; later events come live. */
    private void replay(TenantId tenant, Channel channel, Subscriber subscriber, FeedPosition after) {
        subscriber.delivered = after;
        FeedBatch batch;
        do {
            FeedPosition from = subscriber.delivered;
            batch = unitOfWork.inTenant(tenant, () -> feed.after(tenant, from, PAGE));
            for (FeedEvent event : batch.events()) {
                if (event.position().compareTo(channel.head) > 0 || subscriber.closed.get()) {
                    return;
                }
                Optional<StreamEvent> streamed = StreamTypes.of(event);
                if (streamed.isPresent()) {
                    subscriber.deliver(streamed.get());
                } else {
                    subscriber.delivered = event.position();
                }
            }
        } while (batch.events().size() == PAGE);
    }

    private void leave(Subscriber subscriber) {
        Channel channel = channels.get(subscriber.caller.actor().tenantId());
        if (channel != null) {
            channel.subscribers.remove(subscriber);
            if (channel.subscribers.isEmpty()) {
                channels.remove(subscriber.caller.actor().tenantId());
            }
        }
    }

    private void end(Subscriber subscriber, Ending ending) {
        subscriber.release();
        leave(subscriber);
        subscriber.sink.end(ending);
    }

    /**
     * Heartbeats, expired tokens, revoked sessions and memberships. A token due for its recheck is asked
     * about once however many streams use it, on the recheck threads: the stores' round trips would
     * otherwise hold up every delivery. The answer comes back as a task ({@link #rechecked}).
     */
    private void sweep(Instant now) {
        audience.forgetStale();
        List<Subscriber> all = new ArrayList<>();
        channels.values().forEach(channel -> all.addAll(channel.subscribers));
        for (Subscriber subscriber : all) {
            if (!now.isBefore(subscriber.caller.tokenExpiresAt())) {
                end(subscriber, Ending.TOKEN_EXPIRED);
                continue;
            }
            if (!now.isBefore(subscriber.checked.plus(settings.recheck()))) {
                subscriber.checked = now;
                askAbout(subscriber.accessToken, subscriber.caller);
            }
            if (!now.isBefore(subscriber.pinged.plus(settings.heartbeat()))) {
                subscriber.pinged = now;
                if (!subscriber.sink.ping()) {
                    end(subscriber, Ending.TOO_SLOW);
                }
            }
        }
    }

    private void askAbout(String accessToken, Caller before) {
        if (!rechecking.add(accessToken)) {
            return;
        }
        try {
            rechecks.execute(() -> {
                Optional<Caller> current = recheck(accessToken, before);
                tasks.add(() -> rechecked(accessToken, current));
            });
        } catch (RejectedExecutionException stopping) {
            rechecking.remove(accessToken);
        }
    }

    /** Applies a recheck's answer to every stream the token still holds open. */
    private void rechecked(String accessToken, Optional<Caller> current) {
        rechecking.remove(accessToken);
        List<Subscriber> holders = new ArrayList<>();
        channels.values().forEach(channel -> channel.subscribers.stream()
                .filter(subscriber -> subscriber.accessToken.equals(accessToken)).forEach(holders::add));
        for (Subscriber holder : holders) {
            if (current.isEmpty()) {
                end(holder, Ending.REVOKED);
            } else {
                holder.caller = current.get();
            }
        }
    }

    /**
     * The caller the token speaks for now; empty when it was revoked. When the stores cannot answer (the
     * database or Redis is away) the stream keeps the caller it had, rather than every stream ending.
     */
    private Optional<Caller> recheck(String accessToken, Caller before) {
        try {
            return Optional.of(authenticate.authenticate(accessToken));
        } catch (AuthenticationException revoked) {
            return Optional.empty();
        } catch (RuntimeException unanswered) {
            LOG.log(Level.WARNING, "could not recheck a real-time stream's token; keeping the stream", unanswered);
            return Optional.of(before);
        }
    }
}
