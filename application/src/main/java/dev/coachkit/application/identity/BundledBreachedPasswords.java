package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.out.BreachedPasswords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The list of common and breached passwords shipped in this jar ({@value #RESOURCE}: zxcvbn 4.4.2's
 * 30,000 passwords, MIT, see the NOTICE beside it and docs/identity.md). Read once per JVM, into an
 * immutable set shared by every core of the process (about 1.7 MB of heap), at the first lookup or when
 * an identity module is assembled with it, which starts the read in the background: a cold JVM takes
 * 50 to 70 ms of CPU for it.
 */
public final class BundledBreachedPasswords implements BreachedPasswords {

    static final String RESOURCE = "common-passwords.txt";

    private static final BundledBreachedPasswords INSTANCE = new BundledBreachedPasswords();

    private BundledBreachedPasswords() {}

    /** The one instance; the list itself is read at its first use. */
    public static BundledBreachedPasswords instance() {
        return INSTANCE;
    }

    @Override
    public boolean contains(String password) {
        return password != null && Loaded.PASSWORDS.contains(normalize(password));
    }

    /** How many distinct passwords the list holds (reads it if not read yet). */
    public int size() {
        return Loaded.PASSWORDS.size();
    }

    static String normalize(String password) {
        return password.strip().toLowerCase(Locale.ROOT);
    }

    /** Holder: the JVM reads the list when this class initializes, once, on the first thread that needs it. */
    private static final class Loaded {
        static final Set<String> PASSWORDS = read();
    }

    static Set<String> read() {
        InputStream stream = BundledBreachedPasswords.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path: the jar is incomplete");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16)) {
            List<String> passwords = new ArrayList<>(32_768);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String password = normalize(line);
                if (!password.isEmpty() && !line.startsWith("#")) {
                    passwords.add(password);
                }
            }
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
