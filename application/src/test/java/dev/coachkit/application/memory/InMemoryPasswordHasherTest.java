package dev.coachkit.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.identity.port.out.PasswordHasherContract;
import org.junit.jupiter.api.Test;

class InMemoryPasswordHasherTest extends PasswordHasherContract {

    private final InMemoryPasswordHasher hasher = new InMemoryPasswordHasher();

    @Override
    protected PasswordHasher hasher() {
        return hasher;
    }

    @Test
    void hash_made_with_fewer_iterations_needs_rehash() {
        String weak = new InMemoryPasswordHasher(10).hash("secret-password");

        assertThat(hasher.needsRehash(weak)).isTrue();
        assertThat(hasher.matches("secret-password", weak)).isTrue();
    }
}
