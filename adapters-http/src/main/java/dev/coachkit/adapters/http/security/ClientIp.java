package dev.coachkit.adapters.http.security;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Decides which address a request comes from. The socket peer, unless the peer is one of the
 * configured trusted proxies: then {@code X-Forwarded-For} is read from the right, skipping trusted
 * proxies, and the first other address is the client. Entries left of it were written by the client
 * and are never believed.
 */
public final class ClientIp {

    public static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String ATTRIBUTE = "coachkit.clientIp";
    private static final int MAX_HOPS = 32;
    private static final InetAddress UNKNOWN = IpAddresses.parse("0.0.0.0").orElseThrow();

    private final List<IpRange> trustedProxies;

    /** @param trustedProxyCidrs the blocks of the proxies in front of the server; empty trusts none */
    public ClientIp(List<String> trustedProxyCidrs) {
        this.trustedProxies = trustedProxyCidrs.stream().map(IpRange::parse).toList();
    }

    /** Before-handler: resolves the client address of this request once. */
    public void assign(Context ctx) {
        List<String> forwarded = Collections.list(ctx.req().getHeaders(FORWARDED_FOR));
        ctx.attribute(ATTRIBUTE, resolve(ctx.req().getRemoteAddr(), forwarded));
    }

    /** The client's address as audit entries record it. */
    public static Optional<String> forAudit(Context ctx) {
        return Optional.of(of(ctx).getHostAddress());
    }

    /** The client address of the request, as {@link #assign} resolved it. */
    public static InetAddress of(Context ctx) {
        InetAddress address = ctx.attribute(ATTRIBUTE);
        if (address == null) {
            throw new IllegalStateException("the client address is resolved by the server's before-handler");
        }
        return address;
    }

    /**
     * The client behind {@code peer}, given the {@code X-Forwarded-For} header values in order.
     * An unreadable entry stops the walk at the last trusted hop: a proxy we trust would not write one.
     */
    public InetAddress resolve(String peer, List<String> forwardedFor) {
        Optional<InetAddress> socketPeer = IpAddresses.parse(peer);
        if (socketPeer.isEmpty()) {
            return UNKNOWN; // not an IP socket: nothing to trust, one shared bucket
        }
        InetAddress current = socketPeer.get();
        if (!isTrusted(current)) {
            return current;
        }
        List<String> hops = hops(forwardedFor);
        for (int i = hops.size() - 1; i >= Math.max(0, hops.size() - MAX_HOPS); i--) {
            Optional<InetAddress> hop = IpAddresses.parse(hops.get(i));
            if (hop.isEmpty()) {
                return current;
            }
            current = hop.get();
            if (!isTrusted(current)) {
                return current;
            }
        }
        return current; // every hop is a trusted proxy: the left-most one is as close to the client as we know
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static List<String> hops(List<String> headerValues) {
        List<String> hops = new ArrayList<>();
        for (String value : headerValues) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }
}
