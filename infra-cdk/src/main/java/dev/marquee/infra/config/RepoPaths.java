package dev.marquee.infra.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths of build outputs the app deploys, relative to the repository root. The root is the nearest folder upward
 * from the working directory with a pom.xml and an infra-cdk/ folder (cdk runs in infra-cdk/, Maven in either);
 * {@code -c repoRoot=...} overrides it.
 */
public record RepoPaths(Path root) {

    public static RepoPaths locate(String override) {
        if (override != null) {
            return new RepoPaths(Path.of(override).toAbsolutePath().normalize());
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("infra-cdk"))) {
                return new RepoPaths(p);
            }
        }
        throw new IllegalStateException("cannot find the Marquee repository root above " + dir + ": run from the repository or set -c repoRoot=...");
    }

    public Path resolve(String relative) {
        return root.resolve(relative).normalize();
    }

    /** A stand-in for function code under {@code -c assets=placeholder}: a bootstrap that only says what is missing. */
    public Path placeholderCode() {
        return root.resolve("infra-cdk/placeholder");
    }

    /** The training image's Dockerfile, when the embedding-refresh module has one. */
    public Path trainingDockerfile() {
        return root.resolve("functions/embedding-refresh/Dockerfile");
    }
}
