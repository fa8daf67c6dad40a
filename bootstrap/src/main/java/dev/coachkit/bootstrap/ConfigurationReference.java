package dev.coachkit.bootstrap;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The configuration reference as Markdown, rendered from {@link Setting}: docs/configuration.md holds
 * this table verbatim ({@code help --markdown} prints it), and a test keeps the two the same.
 */
final class ConfigurationReference {

    private ConfigurationReference() {}

    static String markdownTable() {
        return "| variable | default | meaning |\n|---|---|---|\n" + Arrays.stream(Setting.values())
                .map(setting -> "| `" + setting.variable() + "` | "
                        + setting.defaultValue().map(value -> "`" + value + "`").orElse("unset") + " | "
                        + setting.meaning().replace("|", "\\|") + " |\n")
                .collect(Collectors.joining());
    }
}
