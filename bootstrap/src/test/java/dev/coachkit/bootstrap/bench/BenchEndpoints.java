package dev.coachkit.bootstrap.bench;

import dev.coachkit.bootstrap.bench.Population.Organization;
import dev.coachkit.bootstrap.bench.Population.Person;
import dev.coachkit.bootstrap.bench.SignIns.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints the benchmark loads and how their requests vary: organizations in turn, their people
 * and spaces in turn, and for bookings a slot no other request of the run takes. Requests are grouped
 * in rounds (capture, warm-up, measurement) whose bookings never meet.
 */
final class BenchEndpoints {

    /** One request: who sends it (their tenant and id, for the baseline's known ids), and what. */
    record RequestLine(UUID tenantId, UUID callerId, String method, String path, String token, String body,
            Set<Instant> bookedInstants) {

        String tsv() {
            return method + "\t" + path + "\t" + token + "\t" + body;
        }

        /** The ids the request names: pgbench keeps them, where ids the server generated are made anew. */
        Set<String> knownIds() {
            Set<String> ids = new HashSet<>(Set.of(tenantId.toString(), callerId.toString()));
            Matcher id = UUID_TEXT.matcher(path + " " + body);
            while (id.find()) {
                ids.add(id.group());
            }
            return ids;
        }
    }

    /** An endpoint under load; {@code baseline}: it is compared with pgbench replaying its SQL. */
    record Endpoint(String name, boolean baseline, Requests requests) {}

    /** The {@code i}-th request of round {@code round}. */
    interface Requests {
        RequestLine line(int round, int i);
    }

    static final int CAPTURE = 0;
    static final int WARM_UP = 1;
    static final int MEASURE = 2;

    /** The round of the {@code slice}-th warm-up slice (from 0): the first is {@link #WARM_UP}, the others follow the measurement's. */
    static int warmUpRound(int slice) {
        return slice == 0 ? WARM_UP : MEASURE + slice;
    }
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Population population;
    private final Map<Person, Tokens> tokens;
    private final int linesPerRound;
    private final Instant firstSlot;

    /** {@code firstSlot}: the hour where bookings start, after every session of the data set. */
    BenchEndpoints(Population population, Map<Person, Tokens> tokens, int linesPerRound, Instant firstSlot) {
        this.population = population;
        this.tokens = tokens;
        this.linesPerRound = linesPerRound;
        this.firstSlot = firstSlot.truncatedTo(ChronoUnit.HOURS);
    }

    /** The five endpoints with a baseline, in the order of the issue. */
    List<Endpoint> withBaselines() {
        return List.of(
                new Endpoint("feed read (`GET /posts`, 20 per page)", true, (round, i) -> {
                    Organization org = population.organization(i);
                    Person athlete = signedIn(org.athletes(), i / population.organizations().size());
                    return line(org, athlete, "GET", "/posts?limit=20", "");
                }),
                new Endpoint("post create (`POST /posts`)", true, (round, i) -> {
                    Organization org = population.organization(i);
                    UUID space = org.spaces().get(Math.floorMod(i / population.organizations().size(),
                            org.spaces().size()));
                    return line(org, org.admin(), "POST", "/posts", "{\"spaceId\":\"" + space
                            + "\",\"type\":\"TEXT\",\"title\":\"Drill " + i + "\",\"content\":\"Bench post " + i
                            + ": three sets of eight at rate twenty, then a long steady piece.\"}");
                }),
                new Endpoint("comment create (`POST /posts/{id}/comments`)", true, (round, i) -> {
                    Organization org = population.organization(i);
                    UUID post = org.posts().get(Math.floorMod(i / population.organizations().size(), org.posts().size()));
                    return line(org, org.admin(), "POST", "/posts/" + post + "/comments",
                            "{\"content\":\"Bench comment " + i + ": good rhythm, watch the catch.\"}");
                }),
                new Endpoint("booking (`POST /scheduling/sessions/book`)", true, this::booking),
                new Endpoint("availability with openings (`GET /scheduling/availability/{coachId}`, 14 days)", true,
                        (round, i) -> {
                            Organization org = population.organization(i);
                            int turn = i / population.organizations().size();
                            Person coach = org.coaches().get(Math.floorMod(turn, org.coaches().size()));
                            return line(org, signedIn(org.athletes(), turn), "GET", "/scheduling/availability/"
                                    + coach.id(), "");
                        }));
    }

    /** Sign-ins with every member's e-mail in turn. */
    Endpoint login() {
        return new Endpoint("login (`POST /auth/login`)", false, (round, i) -> {
            Organization org = population.organization(i);
            int turn = i / population.organizations().size();
            List<Person> people = new ArrayList<>(org.coaches());
            people.addAll(org.athletes());
            Person person = people.get(Math.floorMod(turn, people.size()));
            return new RequestLine(org.tenantId(), person.id(), "POST", "/auth/login", "", "{\"email\":\""
                    + person.email() + "\",\"password\":\"" + population.password() + "\"}", Set.of());
        });
    }

    /** Writes {@code count} requests of {@code round} as wrk's input. */
    static Path write(Endpoint endpoint, int round, int count, Path file) throws IOException {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(endpoint.requests().line(round, i).tsv());
        }
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Each request its own hour of a coach of the admin's organization, with one of its athletes. */
    private RequestLine booking(int round, int i) {
        int organizations = population.organizations().size();
        Organization org = population.organization(i);
        int turn = i / organizations;
        int coaches = org.coaches().size();
        Person coach = org.coaches().get(turn % coaches);
        Person athlete = org.athletes().get(turn % org.athletes().size());
        long hoursPerRound = linesPerRound / ((long) organizations * coaches) + 2;
        Instant start = firstSlot.plus(round * hoursPerRound + turn / coaches, ChronoUnit.HOURS);
        Instant end = start.plus(1, ChronoUnit.HOURS);
        return new RequestLine(org.tenantId(), org.admin().id(), "POST", "/scheduling/sessions/book",
                tokens.get(org.admin()).accessToken(), "{\"coachId\":\"" + coach.id() + "\",\"athleteId\":\""
                + athlete.id() + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end + "\"}", Set.of(start, end));
    }

    private RequestLine line(Organization org, Person caller, String method, String path, String body) {
        return new RequestLine(org.tenantId(), caller.id(), method, path, tokens.get(caller).accessToken(), body,
                Set.of());
    }

    /** The {@code turn}-th of the signed-in ones among {@code people}. */
    private Person signedIn(List<Person> people, int turn) {
        List<Person> withTokens = people.stream().filter(tokens::containsKey).toList();
        return withTokens.get(Math.floorMod(turn, withTokens.size()));
    }
}
