package dev.coachkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.application.CoachKit;
import dev.coachkit.domain.community.PostCreated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/embedding.md works as written: its code is {@link ExampleHost}, run here on both adapter families. */
class EmbeddingGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "embedding.md");
    private static final Path HOST = Path.of("src", "test", "java", "dev", "coachkit", "examples", "ExampleHost.java");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void an_in_memory_core_tells_the_host_about_a_post_through_its_event_runtime() throws InterruptedException {
        List<PostCreated> newPosts = new CopyOnWriteArrayList<>();
        CoachKit core = ExampleHost.inMemory(newPosts::add);
        try {
            ExampleHost.registerAndPost(core);

            awaitOne(newPosts);
            assertThat(newPosts.get(0).title()).contains("Monday");
        } finally {
            core.stop();
        }
    }

    @Test
    void a_core_on_postgresql_outside_bootstrap_does_the_same_through_the_outbox() throws InterruptedException {
        TestDatabase database = TestDatabase.createMigratedTo(PostgresServer.shared(), "1");
        List<PostCreated> newPosts = new CopyOnWriteArrayList<>();
        CoachKit core = ExampleHost.onPostgres(database.owner(), database.runtime(), database.worker(),
                newPosts::add);
        try {
            ExampleHost.registerAndPost(core);

            awaitOne(newPosts);
            assertThat(database.queryNumberAsOwner("select count(*) from outbox_events where type = 'post.created'"
                    + " and published_at is not null")).isOne();
        } finally {
            core.stop();
        }
    }

    @Test
    void every_java_block_of_the_guide_is_code_of_the_example_host() throws IOException {
        String host = normalized(Files.readString(HOST));
        List<String> blocks = javaBlocks(Files.readString(GUIDE));

        assertThat(blocks).as("the guide shows code").hasSizeGreaterThanOrEqualTo(3);
        assertThat(blocks).allSatisfy(block -> assertThat(host).as("docs/embedding.md block, compiled in "
                + "ExampleHost.java").contains(normalized(block)));
    }

    private static void awaitOne(List<PostCreated> newPosts) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (newPosts.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(newPosts).as("delivered by the runtime within " + PATIENCE).hasSize(1);
    }

    private static List<String> javaBlocks(String markdown) {
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /** Lines without their indentation, blank lines dropped: the guide indents less than the class does. */
    private static String normalized(String code) {
        return String.join("\n", code.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }
}
