package dev.coachkit.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds a text in the {@code src/main} tree (java and resources) of every module, where ArchUnit cannot look. */
final class SourceTextScanner {

    private final String text;

    SourceTextScanner(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text must not be empty");
        }
        this.text = text;
    }

    /** Each directory directly under {@code projectRoot} that has a {@code src/main} tree, sorted by name. */
    static List<Path> modules(Path projectRoot) {
        try (Stream<Path> children = Files.list(projectRoot)) {
            return children.filter(child -> Files.isDirectory(child.resolve("src/main"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line of every file under {@code <module>/src/main} that contains the text, for all modules. */
    List<Occurrence> scan(Path projectRoot) {
        List<Occurrence> found = new ArrayList<>();
        for (Path module : modules(projectRoot)) {
            try (Stream<Path> files = Files.walk(module.resolve("src/main"))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    scanFile(module.getFileName().toString(), file, found);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private void scanFile(String module, Path file, List<Occurrence> found) throws IOException {
        // ISO-8859-1 maps every byte, so any file (UTF-8 text, binary) reads without error.
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                found.add(new Occurrence(module, file, i + 1));
            }
        }
    }

    /** Where the text was found: the module directory's name, the file and the 1-based line. */
    record Occurrence(String module, Path file, int line) {

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }
}
