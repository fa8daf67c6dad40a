package dev.coachkit.application.identity.port.out;

/**
 * Passwords known to attackers (common choices and those from breaches), which no account may set
 * (NIST SP 800-63B §5.1.1.2). The default, {@code BundledBreachedPasswords}, reads a list shipped in the
 * application jar; a host may give its own (a larger list, a breach-lookup service).
 */
@FunctionalInterface
public interface BreachedPasswords {

    /**
     * Whether {@code password} is on the list, compared case-insensitively and ignoring white space at
     * either end (so {@code " Password123"} is as listed as {@code password123}). Called with a raw
     * password: an adapter must not log or keep it.
     */
    boolean contains(String password);
}
