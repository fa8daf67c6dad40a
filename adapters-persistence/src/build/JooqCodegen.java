import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes from the Flyway migrations, run by Maven at generate-sources as a
 * single-file Java program: migrations are applied to an embedded PostgreSQL (no Docker needed)
 * and jOOQ reads the resulting catalog, so the classes match the real schema — RLS, exclusion
 * constraints and all — and are never edited by hand. Skipped when neither the migrations nor this
 * program changed since the last generation.
 *
 * <p>Arguments: the migrations directory, the output directory and this program's source file.
 */
public class JooqCodegen {

    private static final String PACKAGE = "dev.coachkit.adapters.persistence.jooq";
    private static final String RUNTIME_ROLE = "coachkit_app";
    private static final String WORKER_ROLE = "coachkit_worker";

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path stamp = output.resolve("migrations.sha256");
        String hash = hashOf(migrations, Path.of(args[2]));
        if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
            System.out.println("jOOQ classes are up to date with " + migrations);
            return;
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Flyway.configure()
                    .dataSource(url, "postgres", null)
                    .locations("filesystem:" + migrations)
                    .placeholders(Map.of("runtime_role", RUNTIME_ROLE, "worker_role", WORKER_ROLE))
                    .load()
                    .migrate();
            deleteRecursively(output);
            GenerationTool.generate(configuration(url, output));
        }
        Files.writeString(stamp, hash);
    }

    private static Configuration configuration(String url, Path output) {
        return new Configuration()
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres"))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withOutputSchemaToDefault(true)
                                .withIncludeRoutines(false)
                                .withExcludes("flyway_schema_history"))
                        .withGenerate(new Generate()
                                .withJavaTimeTypes(true)
                                .withGeneratedAnnotation(false)
                                .withComments(false))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE)
                                .withDirectory(output.toString())));
    }

    /** The hash covers every migration (name and content) and this program itself. */
    private static String hashOf(Path migrations, Path program) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        digest.update(Files.readAllBytes(program));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
