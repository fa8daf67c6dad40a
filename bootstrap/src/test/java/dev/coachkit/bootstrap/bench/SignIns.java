package dev.coachkit.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.bootstrap.bench.Population.Person;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Signs people in over the API, a few at a time (each sign-in is one Argon2 verification). */
final class SignIns {

    /** What a sign-in answers. */
    record Tokens(String accessToken, String refreshToken) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SignIns(int port, String password) {
        this.port = port;
        this.password = password;
    }

    /** One sign-in per person, two at a time. */
    Map<Person, Tokens> signIn(List<Person> people) throws InterruptedException {
        List<Person> distinct = people.stream().distinct().toList();
        List<Tokens> tokens = signInEach(distinct);
        Map<Person, Tokens> byPerson = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byPerson.put(distinct.get(i), tokens.get(i));
        }
        return byPerson;
    }

    /** One sign-in per entry (a person listed twice gets two sessions), two at a time, in order. */
    List<Tokens> signInEach(List<Person> people) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Tokens>> running = new ArrayList<>();
            for (Person person : people) {
                running.add(pool.submit(() -> signIn(person)));
            }
            List<Tokens> tokens = new ArrayList<>();
            for (Future<Tokens> signIn : running) {
                tokens.add(signIn.get());
            }
            return tokens;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sign-in failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    Tokens signIn(Person person) throws IOException, InterruptedException {
        JsonNode answer = post("/auth/login", Map.of("email", person.email(), "password", password), null, 200);
        return new Tokens(answer.path("accessToken").asText(), answer.path("refreshToken").asText());
    }

    /** Sends one request and fails unless it answers {@code status}; the body as JSON (null when empty). */
    JsonNode send(String method, String path, String token, String body, int status)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null || body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (token != null && !token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ", not "
                    + status + ": " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    private JsonNode post(String path, Object body, String token, int status) throws IOException, InterruptedException {
        return send("POST", path, token, JSON.writeValueAsString(body), status);
    }
}
