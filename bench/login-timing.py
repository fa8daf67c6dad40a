#!/usr/bin/env python3
"""Failed sign-ins against a running server: an unknown e-mail against a wrong password of an existing account.

Usage: python3 bench/login-timing.py PORT [ROUNDS] [--spaced]

Registers one account, then sends the two kinds of failed sign-in interleaved (U W, W U, ...) so that the
machine's noise falls on both alike, and prints each kind's median and quartiles and the median gap. With
--spaced each request waits 150 ms first, so work a server defers after an answer cannot overlap the next one.
Run the server with COACHKIT_RATE_LIMIT_AUTH_PER_IP=1000000 and COACHKIT_LOGIN_ATTEMPTS_PER_ACCOUNT=1000.
"""
import http.client
import json
import statistics
import sys
import time
import uuid

WARM_UP = 20


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    port, rounds = int(args[0]), int(args[1]) if len(args) > 1 else 200
    pause = 0.15 if "--spaced" in sys.argv else 0.0
    conn = http.client.HTTPConnection("127.0.0.1", port)

    def post(path, body):
        conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
        answer = conn.getresponse()
        answer.read()
        return answer.status

    email = f"timing-{uuid.uuid4().hex[:8]}@example.com"
    assert post("/auth/register", {"email": email, "password": "correct horse battery", "firstName": "T",
                                   "lastName": "T", "organizationName": "Timing"}) == 201
    times = {"unknown": [], "wrong": []}
    for i in range(rounds + WARM_UP):
        for kind in ("unknown", "wrong") if i % 2 == 0 else ("wrong", "unknown"):
            who = f"nobody-{uuid.uuid4().hex[:8]}@example.com" if kind == "unknown" else email
            time.sleep(pause)
            started = time.perf_counter()
            assert post("/auth/login", {"email": who, "password": "a wrong password"}) == 401
            if i >= WARM_UP:
                times[kind].append((time.perf_counter() - started) * 1000)
    for kind, ms in times.items():
        q = statistics.quantiles(ms, n=4)
        print(f"{kind:8s} n={len(ms)} median={statistics.median(ms):.2f} ms p25={q[0]:.2f} p75={q[2]:.2f}")
    print(f"median gap wrong - unknown: {statistics.median(times['wrong']) - statistics.median(times['unknown']):.2f} ms")


if __name__ == "__main__":
    main()
