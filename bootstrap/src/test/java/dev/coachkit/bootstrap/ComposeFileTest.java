package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docker-compose.yml and README.md only name settings the server knows, so neither drifts from the code. */
class ComposeFileTest {

    private static final Pattern SETTING = Pattern.compile("\\b(COACHKIT_[A-Z0-9_]+)\\b");

    @Test
    void every_setting_the_compose_file_sets_exists() throws IOException {
        assertThat(settingsIn(Path.of("..", "docker-compose.yml")))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(Setting.isKnown(name)).as(name).isTrue());
    }

    @Test
    void every_server_setting_is_documented_in_the_readme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (Setting setting : Setting.values()) {
            String bareSuffix = setting.variable().substring(setting.variable().lastIndexOf('_'));
            assertThat(readme.contains(setting.variable()) || readme.contains("`" + bareSuffix + "`"))
                    .as("README documents %s", setting.variable()).isTrue();
        }
    }

    private static Stream<String> settingsIn(Path file) throws IOException {
        Matcher matcher = SETTING.matcher(Files.readString(file));
        Stream.Builder<String> names = Stream.builder();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names.build().filter(name -> !name.startsWith(Setting.TEST_PREFIX)).distinct();
    }
}
