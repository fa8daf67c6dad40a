package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference cannot drift from the code: docs/configuration.md holds the table
 * rendered from {@link Setting}, and the compose stack, the Dockerfile and the docs name only
 * settings the server knows.
 */
class ConfigurationReferenceTest {

    private static final Pattern SETTING = Pattern.compile("\\b(COACHKIT_[A-Z0-9_]*[A-Z0-9])\\b");
    private static final Path ROOT = Path.of("..");

    @Test
    void docs_configuration_md_holds_the_table_generated_from_the_settings() throws IOException {
        String reference = Files.readString(ROOT.resolve("docs/configuration.md"));

        assertThat(reference)
                .as("docs/configuration.md is stale: replace its table with the output of"
                        + " `java -jar bootstrap/target/coachkit.jar help --markdown`")
                .contains(ConfigurationReference.markdownTable());
    }

    @Test
    void the_compose_stack_sets_only_settings_the_server_knows() {
        assertThat(settingsIn(List.of(ROOT.resolve("docker-compose.yml"))))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(Setting.isKnown(name)).as(name).isTrue());
    }

    @Test
    void the_readme_and_docs_name_only_settings_the_server_knows() throws IOException {
        List<Path> pages;
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            pages = Stream.concat(Stream.of(ROOT.resolve("README.md"), ROOT.resolve("Dockerfile")),
                    docs.filter(page -> page.toString().endsWith(".md"))).toList();
        }

        assertThat(settingsIn(pages)).allSatisfy(name -> assertThat(Setting.isKnown(name)).as(name).isTrue());
    }

    private static List<String> settingsIn(List<Path> files) {
        return files.stream().flatMap(file -> {
            Matcher matcher = SETTING.matcher(read(file));
            Stream.Builder<String> names = Stream.builder();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names.build();
        }).filter(name -> !name.startsWith(Setting.TEST_PREFIX)).distinct().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
