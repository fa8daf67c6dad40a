package dev.coachkit.application.memory;

import dev.coachkit.application.media.port.out.MediaProbe;
import dev.coachkit.domain.media.MediaKind;
import java.io.InputStream;
import java.util.Locale;

/**
 * The probe of a core assembled without one: it cannot look inside content (the core has no image
 * or video codecs), so every upload fails with a reason that says so. Hosts give a real probe.
 */
public final class InMemoryMediaProbe implements MediaProbe {

    @Override
    public Result probe(MediaKind kind, InputStream content) {
        return Result.unreadable("this server has no media probe configured, so " + kind.name().toLowerCase(Locale.ROOT)
                + " content cannot be processed");
    }
}
