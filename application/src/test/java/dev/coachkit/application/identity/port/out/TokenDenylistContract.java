package dev.coachkit.application.identity.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenDenylist} adapter guarantees, against the machine's clock. Token ids are
 * unique per test, since a real store may be shared with other runs; expiry is awaited with a
 * deadline, never asserted to the millisecond.
 */
public abstract class TokenDenylistContract {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    protected abstract TokenDenylist denylist();

    private static String uniqueTokenId() {
        return "contract-" + UUID.randomUUID();
    }

    private static Instant inAMinute() {
        return Instant.now().plus(Duration.ofMinutes(1));
    }

    @Test
    void denied_token_id_is_reported_as_denied() {
        String tokenId = uniqueTokenId();

        denylist().deny(tokenId, inAMinute());

        assertThat(denylist().isDenied(tokenId)).isTrue();
    }

    @Test
    void unknown_token_id_is_not_denied() {
        assertThat(denylist().isDenied(uniqueTokenId())).isFalse();
    }

    @Test
    void denying_one_token_id_leaves_others_accepted() {
        String denied = uniqueTokenId();
        String other = uniqueTokenId();

        denylist().deny(denied, inAMinute());

        assertThat(denylist().isDenied(other)).isFalse();
    }

    @Test
    void several_keys_are_denied_when_any_one_of_them_is() {
        String denied = uniqueTokenId();

        denylist().deny(denied, inAMinute());

        assertThat(denylist().isDenied(uniqueTokenId(), denied)).isTrue();
        assertThat(denylist().isDenied(uniqueTokenId(), uniqueTokenId())).isFalse();
    }

    @Test
    void denial_whose_until_has_already_passed_is_ignored() {
        String tokenId = uniqueTokenId();

        denylist().deny(tokenId, Instant.now().minus(Duration.ofSeconds(1)));

        assertThat(denylist().isDenied(tokenId)).isFalse();
    }

    @Test
    void denial_lapses_once_its_until_has_passed() throws InterruptedException {
        String tokenId = uniqueTokenId();

        denylist().deny(tokenId, Instant.now().plus(Duration.ofMillis(300)));

        assertThat(eventuallyNotDenied(tokenId)).as("no longer denied within " + DEADLINE).isTrue();
    }

    @Test
    void denying_the_same_token_id_twice_is_harmless() {
        String tokenId = uniqueTokenId();
        Instant until = inAMinute();
        denylist().deny(tokenId, until);

        assertThatCode(() -> denylist().deny(tokenId, until)).doesNotThrowAnyException();
        assertThat(denylist().isDenied(tokenId)).isTrue();
    }

    private boolean eventuallyNotDenied(String tokenId) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!denylist().isDenied(tokenId)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
