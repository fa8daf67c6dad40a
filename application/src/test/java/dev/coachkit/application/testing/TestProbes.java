package dev.coachkit.application.testing;

import dev.coachkit.application.shared.port.out.ReadinessProbe;

/** Readiness probes with a fixed answer, for tests of readiness reports. */
public final class TestProbes {

    private TestProbes() {}

    /** A probe named {@code name} that is up, answering "ok". */
    public static ReadinessProbe up(String name) {
        return probe(name, null);
    }

    /** A probe named {@code name} that is down because of {@code failure}. */
    public static ReadinessProbe down(String name, String failure) {
        return probe(name, failure);
    }

    private static ReadinessProbe probe(String name, String failure) {
        return new ReadinessProbe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String check() {
                if (failure != null) {
                    throw new IllegalStateException(failure);
                }
                return "ok";
            }
        };
    }
}
