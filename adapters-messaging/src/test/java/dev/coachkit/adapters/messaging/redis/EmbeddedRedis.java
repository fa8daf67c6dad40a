package dev.coachkit.adapters.messaging.redis;

import java.io.IOException;

/** Starts a throwaway embedded Redis on a given loopback port, for tests that stop or start Redis themselves. */
final class EmbeddedRedis {

    private EmbeddedRedis() {}

    static redis.embedded.RedisServer on(int port) throws IOException {
        redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        return server;
    }
}
