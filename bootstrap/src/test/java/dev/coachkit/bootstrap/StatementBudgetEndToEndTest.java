package dev.coachkit.bootstrap;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.bootstrap.OperationCalls.Call;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At most one SQL round trip per statement a use case needs, and no N+1 (issue 10): one successful
 * request to every operation of the server's own {@code /openapi.json} sends no more statements than
 * the operation's budget below, an operation without a budget fails, and a list costs as many
 * statements for a full page of items from many authors and places as for one item.
 *
 * <p>Statements are read in-process from the API server's {@code coachkit_sql_statements_total} (the
 * adapters' {@code StatementCounter}) before and after each request. Background work must not land in
 * that counter, so the API server runs no workers ({@code COACHKIT_WORKERS=none}) and a second,
 * worker-only process on the same database and data directory runs the outbox relay, the
 * notifications and media handlers and the scheduler, as a scaled-out deployment does; its statements
 * go to its own meter registry. The API process then sends a statement only while it serves a request,
 * which {@link #the_api_process_sends_no_statement_while_it_serves_no_request} checks, so the delta
 * around one request is exactly that request's statements, with no retries or tolerance.
 *
 * <p>A budget counts every round trip, {@code select set_config('app.tenant_id', ...)} included: an
 * authenticated request in a tenant costs at least that plus one statement per table its use case reads
 * or writes. Raise a budget only when the use case needs one more statement, never for a loop.
 */
class StatementBudgetEndToEndTest {

    /**
     * What authenticating a bearer token costs: the re-read of the caller's current role, so that a
     * demotion or removal counts from the next request on (issue 18).
     */
    static final int ROLE = 1;

    /**
     * Per operation: the most statements one request may send. {@link #ROLE} for every authenticated
     * request; "tenant" is the unit of work's {@code set_config}; "caller" a re-read of the caller's
     * current membership or standing in a space inside the use case's unit of work.
     */
    static final Map<String, Integer> BUDGETS = Map.ofEntries(
            entry("GET /health", 0),
            entry("GET /ready", 1), // select 1
            entry("GET /metrics", 0),
            entry("GET /openapi.json", 0),
            entry("GET /docs", 0),
            entry("GET /.well-known/jwks.json", 0), // the keys are in memory
            entry("GET /webjars/swagger-ui/{version}/{file}", 0),
            entry("PUT /blobs/{tenantId}/{mediaId}/{name}", 0), // the signature is the grant
            entry("GET /blobs/{tenantId}/{mediaId}/{name}", 0),
            entry("HEAD /blobs/{tenantId}/{mediaId}/{name}", 0),
            entry("POST /auth/register", 8), // tenant, email taken?, account, tenant row, membership, verification
            // token, audit, refresh token
            entry("POST /auth/password-reset", 5), // none before the answer; after it, and maybe inside the count:
            // account, token, memberships, and per tenant its setting and the audit entry
            entry("POST /auth/password-reset/confirm", 9), // token, account, memberships; tenant, use the token,
            // account again, new hash, revoke families, audit
            entry("POST /auth/verify-email", 8), // token, account, memberships; tenant, use the token, account
            // again, mark verified, audit
            entry("POST /auth/login", 5), // account, memberships, tenant, audit, refresh token
            entry("POST /auth/refresh", 7), // token, tenant, rotate, membership, account, tenant row, new token
            // (with the family's last use, address and user agent in the same statement)
            entry("POST /auth/logout", ROLE + 4), // tenant, token, revoke family, audit
            entry("GET /auth/me", ROLE + 4), // tenant, account, tenant row, memberships
            entry("PATCH /auth/me", ROLE + 3), // tenant, account, update (an avatar adds: asset, its row lock)
            entry("GET /auth/sessions", ROLE + 1), // the account's live refresh families
            entry("DELETE /auth/sessions/{id}", ROLE + 3), // tenant, revoke the family, audit
            entry("POST /auth/me/password", ROLE + 5), // account, tenant, new hash, revoke other families, audit
            entry("POST /auth/me/calendar-token", ROLE + 2), // tenant, upsert
            entry("GET /tenants/{id}", ROLE + 2), // tenant, tenant row
            entry("POST /tenants/{id}/invite", ROLE + 5), // tenant, invitation, verification token, outbox, audit
            entry("POST /invitations/{acceptToken}/accept", 10), // token's tenant, tenant, invitation, email taken?,
            // account, accept, membership, audit, tenant row, refresh token
            entry("GET /tenants/{id}/members", ROLE + 2), // tenant, page of members with their accounts
            entry("PATCH /tenants/{id}/members/{userId}", ROLE + 5), // tenant, role lock, membership, update, audit
            entry("GET /spaces", ROLE + 2), // tenant, page of spaces with member counts
            entry("POST /spaces", ROLE + 4), // tenant, space, owner's membership, audit
            entry("GET /spaces/{id}", ROLE + 4), // tenant, space, caller, first members
            entry("PATCH /spaces/{id}", ROLE + 5), // tenant, space, caller, update, audit
            entry("GET /spaces/{id}/members", ROLE + 4), // tenant, space, caller, page of members
            entry("POST /spaces/{id}/members", ROLE + 7), // tenant, space, caller, organization member?, add, outbox, audit
            entry("DELETE /spaces/{id}/members/{userId}", ROLE + 6), // tenant, space, caller, delete, outbox, audit
            entry("GET /posts", ROLE + 2), // tenant, page of posts with comment counts
            entry("POST /posts", ROLE + 6), // tenant, space, caller, media, post, outbox
            entry("GET /posts/{id}", ROLE + 5), // tenant, post, space, caller, first comments
            entry("DELETE /posts/{id}", ROLE + 7), // tenant, post, space, caller, delete, outbox, audit
            entry("GET /posts/{id}/comments", ROLE + 5), // tenant, post, space, caller, page of comments
            entry("POST /posts/{id}/comments", ROLE + 6), // tenant, post, space, caller, comment, outbox
            entry("POST /scheduling/availability", ROLE + 8), // tenant, coach, the availability it replaces (row,
            // slots: a body without requiresCredit keeps the coach's), upsert, delete slots, insert slots, audit
            entry("GET /scheduling/availability/{coachId}", ROLE + 5), // tenant, coach, availability, slots, sessions
            entry("POST /scheduling/sessions/book", ROLE + 9), // tenant, coach, athlete, availability, slots, holds
            // on the time (a lapsed one gives it up), session, outbox, audit
            entry("GET /scheduling/sessions", ROLE + 2), // tenant, page of sessions
            entry("POST /scheduling/sessions/{id}/cancel", ROLE + 5), // tenant, session, cancel, outbox, audit
            entry("GET /scheduling/calendar.ics", 4), // token's owner, tenant, member, past and upcoming sessions
            entry("POST /admin/export", ROLE + 5), // tenant, caller, export, outbox, audit
            entry("GET /admin/exports/{id}", ROLE + 3), // tenant, caller, export
            entry("GET /admin/audit", ROLE + 3), // tenant, caller, page of entries
            entry("GET /admin/metrics", ROLE + 3), // tenant, caller, all counts in one select
            entry("DELETE /admin/users/{userId}", ROLE + 25), // tenant, caller, role lock, membership, account, sessions,
            // one statement per table holding the member's data (14, annotations included), their orders' e-mail,
            // memberships left, account, its mailed tokens, outbox, audit
            entry("GET /notifications", ROLE + 2), // tenant, page
            entry("POST /realtime/tickets", ROLE + 2), // expired tickets, ticket
            entry("POST /notifications/{id}/read", ROLE + 2), // tenant, update
            entry("POST /media/upload-intent", ROLE + 7), // tenant, space, caller; tenant, quota lock, usage, asset
            entry("POST /media/{id}/finalize", ROLE + 10), // tenant, asset; tenant, quota lock, usage, asset, update,
            // outbox; tenant, asset
            entry("GET /media", ROLE + 2), // tenant, the page (thumbnail URLs are signed without a statement)
            entry("GET /media/{id}", ROLE + 5), // tenant, asset; tenant, space or post that shows it
            entry("GET /media/{id}/playback-url", ROLE + 4), // tenant, asset; tenant, post that shows it
            entry("DELETE /media/{id}", ROLE + 7), // tenant, asset, delete, avatars showing it, cancelled upload (a
            // pending single PUT, whose URL storage cannot revoke), outbox, audit (uploader or ADMIN: no audience read)
            entry("POST /media/{id}/annotations", ROLE + 6), // tenant, asset, post that shows it, the posts'
            // authors and spaces' owners (one join), annotation, outbox
            entry("GET /media/{id}/annotations", ROLE + 5), // tenant, asset, its space, post that shows it, page
            entry("PATCH /annotations/{id}", ROLE + 5), // tenant, annotation, asset, post that shows it, update
            entry("DELETE /annotations/{id}", ROLE + 6), // tenant, annotation, asset, post that shows it, delete,
            // audit (author, uploader or ADMIN: no space owners read)
            entry("POST /payments/products", ROLE + 4), // tenant, caller's role, product, audit
            entry("GET /payments/products", ROLE + 2), // tenant, the products
            entry("PATCH /payments/products/{id}", ROLE + 5), // tenant, product, sold yet?, update, audit
            entry("POST /payments/checkout", ROLE + 7), // tenant, product, buyer's e-mail, settings (connected
            // account), order; after the provider: tenant, the checkout URL
            entry("GET /payments/orders", ROLE + 2), // tenant, page of orders
            entry("GET /payments/orders/{id}", ROLE + 2), // tenant, order
            entry("POST /payments/orders/{id}/refund", ROLE + 6), // tenant, order, withdraw the lot's rest (one
            // statement with its entry), update, outbox, audit
            entry("GET /payments/credits", ROLE + 2), // tenant, balances
            entry("GET /payments/credits/ledger", ROLE + 2), // tenant, page of entries
            entry("POST /payments/credits/adjustments", ROLE + 7), // tenant, member, product, lot, its entry, audit,
            // balances afterwards
            entry("GET /payments/settings", ROLE + 2), // tenant, settings
            entry("PATCH /payments/settings", ROLE + 4), // tenant, settings, save, audit
            // measured by PaymentsEndToEndTest on a server configured for Stripe (STRIPE_ONLY): the order's
            // tenant, tenant, applied event, order, update, lot, purchase entry, outbox
            entry("POST /payments/webhooks/stripe", 8),
            entry("GET /payments/local-checkout/{orderId}", 4), // the order's tenant, tenant, order, product
            entry("POST /payments/local-checkout/{orderId}", 10)); // the order's tenant; the settlement as a webhook's
            // (tenant, applied event, order, update, lot, purchase entry, outbox); tenant, the settled order

    /**
     * Operations only the Stripe provider serves: this server takes payments locally (the default), so
     * {@link PaymentsEndToEndTest} holds their requests to these budgets on a server configured for Stripe.
     */
    static final List<String> STRIPE_ONLY = List.of("POST /payments/webhooks/stripe");

    /** Operations that answer a list: their count must not grow with the number of items. */
    static final List<String> LISTS = List.of("GET /posts", "GET /posts/{id}", "GET /posts/{id}/comments",
            "GET /spaces", "GET /spaces/{id}", "GET /spaces/{id}/members", "GET /tenants/{id}/members",
            "GET /scheduling/sessions", "GET /scheduling/availability/{coachId}", "GET /scheduling/calendar.ics",
            "GET /notifications", "GET /admin/audit", "GET /admin/metrics", "GET /auth/me", "GET /payments/orders",
            "GET /payments/credits/ledger");

    private static TestDatabase database;
    private static Path dataDir;
    private static CoachKitServer server;
    private static CoachKitServer workers;
    private static ApiClient api;
    private static List<ApiOperation> operations;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("coachkit-statement-budget");
        database = TestDatabase.createOn(PostgresServer.shared());
        Map<String, String> settings = new HashMap<>(HostileInputEndToEndTest.UNLIMITED);
        settings.put("COACHKIT_DATA_DIR", dataDir.toString());
        settings.put("COACHKIT_OUTBOX_POLL_MILLIS", "50");
        workers = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, settings)), false,
                EnumSet.allOf(Worker.class));
        settings.put("COACHKIT_WORKERS", "none");
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, settings)));
        api = new ApiClient(server.port());
        // a stream has no end to count statements to, and would keep the process reading the event feed
        operations = ApiOperation.all(api.http().get("/openapi.json").body()).stream()
                .filter(operation -> !operation.streams() && !STRIPE_ONLY.contains(operation.key())).toList();
    }

    @AfterAll
    static void stop() {
        server.close();
        workers.close();
    }

    @Test
    void every_operation_of_the_document_has_a_budget_and_every_budget_an_operation() {
        List<String> documented = operations.stream().map(ApiOperation::key).toList();

        assertThat(documented).as("operations in /openapi.json").hasSizeGreaterThan(40);
        documented = new ArrayList<>(documented);
        documented.addAll(STRIPE_ONLY);
        assertThat(new TreeSet<>(documented)).as("operations without a budget")
                .isSubsetOf(BUDGETS.keySet());
        assertThat(new TreeSet<>(BUDGETS.keySet())).as("budgets of operations the document lacks")
                .isSubsetOf(documented);
        assertThat(LISTS).as("list operations").isSubsetOf(documented);
    }

    @Test
    void every_operation_sends_no_more_statements_than_its_budget() {
        OperationCalls calls = new OperationCalls(api, Organization.create(api), StatementBudgetEndToEndTest::mint);
        Map<String, Long> measured = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (ApiOperation operation : operations) {
            long statements = statementsOf(calls.prepare(operation));
            measured.put(operation.key(), statements);
            Integer budget = BUDGETS.get(operation.key());
            if (budget == null || statements > budget) {
                failures.add(operation.key() + " sent " + statements + " statements, budget " + budget);
            }
        }
        System.out.println("SQL statements per request:");
        measured.forEach((key, count) -> System.out.println("  " + key + " -> " + count
                + " (budget " + BUDGETS.get(key) + ")"));

        assertThat(failures).as("operations over their budget").isEmpty();
    }

    @Test
    void a_list_costs_the_same_statements_for_one_item_as_for_a_full_page() {
        Organization club = Organization.create(api);
        OperationCalls calls = new OperationCalls(api, club, StatementBudgetEndToEndTest::mint);
        Map<String, Long> small = statementsOfLists(calls, new ArrayList<>()); // one item: no next page
        BusyOrganization.grow(api, club, calls);
        List<String> notFull = new ArrayList<>();
        Map<String, Long> busy = statementsOfLists(calls, notFull);
        System.out.println("SQL statements per list request, one item vs a full page: " + small + " vs " + busy);

        assertThat(notFull).as("lists of the busy organization without a next page").isEmpty();
        assertThat(busy).as("statements for a full page of items from many authors").isEqualTo(small);
    }

    @Test
    void the_api_process_sends_no_statement_while_it_serves_no_request() throws InterruptedException {
        double before = statements().count();
        Thread.sleep(1_000); // longer than the relay's poll: a stray worker would have sent something by now

        assertThat(statements().count()).isEqualTo(before);
    }

    /** Statements per list operation; adds to {@code notFull} each paged list that ends on its first page. */
    private static Map<String, Long> statementsOfLists(OperationCalls calls, List<String> notFull) {
        Map<String, Long> counts = new TreeMap<>();
        for (ApiOperation operation : operations) {
            if (LISTS.contains(operation.key())) {
                counts.put(operation.key(), statementsOf(calls.prepare(operation), response -> {
                    JsonNode body = response.body().startsWith("{") ? ApiClient.json(response) : null;
                    if (body != null && body.has("items") && !body.path("nextCursor").isTextual()) {
                        notFull.add(operation.key());
                    }
                }));
            }
        }
        return counts;
    }

    private static long statementsOf(Call call) {
        return statementsOf(call, response -> {});
    }

    /** The statements the API server sends while it serves {@code call}, which must succeed. */
    private static long statementsOf(Call call, Consumer<HttpResponse<String>> answer) {
        double before = statements().count();
        HttpResponse<String> response = call.send(api.http());
        long sent = Math.round(statements().count() - before);
        assertThat(response.statusCode()).as(call.method() + " " + call.path() + ": " + response.body())
                .satisfiesAnyOf(status -> assertThat(status).isBetween(200, 299),
                        status -> assertThat(status).as("a form's redirect back to its page").isEqualTo(303));
        answer.accept(response);
        return sent;
    }

    /** A token as the mail would carry it, stored as the use case stores it: only its SHA-256. */
    private static String mint(String purpose, String email) {
        String token = UUID.randomUUID() + "-" + UUID.randomUUID();
        database.executeAsOwner("insert into account_tokens (id, purpose, token_hash, email, account_id, issued_at,"
                + " expires_at) select gen_random_uuid(), ?, encode(sha256(convert_to(?, 'UTF8')), 'hex'), email,"
                + " case when ? = 'PASSWORD_RESET' then id end, now(), now() + interval '30 minutes'"
                + " from accounts where email = ?", purpose, token, purpose, email);
        return token;
    }

    private static Counter statements() {
        return server.meters().counter("coachkit.sql.statements");
    }
}
