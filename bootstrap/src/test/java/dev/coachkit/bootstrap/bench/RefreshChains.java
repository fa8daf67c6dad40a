package dev.coachkit.bootstrap.bench;

import dev.coachkit.bootstrap.bench.EndpointLoad.Measured;
import dev.coachkit.bootstrap.bench.Population.Person;
import dev.coachkit.bootstrap.bench.SignIns.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /auth/refresh} under load. Each refresh rotates the token, so every wrk connection
 * follows a chain of its own, started by a sign-in; the warm-up and the measured run each get fresh
 * chains, as the warm-up's last tokens stay inside wrk.
 */
final class RefreshChains {

    private RefreshChains() {}

    static Measured load(EndpointLoad load, int port, Population population, int connections, Path workDir)
            throws IOException, InterruptedException {
        int chains = connections + connections / 4; // a few spare: a chain ends on any failed answer
        Path warmUp = chains(port, population, chains, workDir.resolve("refresh-warm-up.txt"));
        Path measured = chains(port, population, chains, workDir.resolve("refresh-measure.txt"));
        return load.refresh("refresh (`POST /auth/refresh`)", warmUp, measured, connections);
    }

    private static Path chains(int port, Population population, int count, Path file)
            throws IOException, InterruptedException {
        List<Person> people = new ArrayList<>();
        for (int i = 0; people.size() < count; i++) {
            Population.Organization org = population.organization(i);
            people.add(org.coaches().get((i / population.organizations().size()) % org.coaches().size()));
        }
        List<String> lines = new SignIns(port, population.password()).signInEach(people).stream()
                .map(Tokens::refreshToken).toList();
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
