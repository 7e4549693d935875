package dev.marquee.devtools.packaging;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The JDK modules a function's runtime image gets: what {@code jdeps --print-module-deps} finds, less modules that
 * only build-time classes reference, plus modules loaded reflectively or through services that jdeps cannot see.
 */
public final class JavaModules {
    /** Referenced only by classes that never run in the function; each saves megabytes in the image. */
    static final Map<String, String> EXCLUDED = Map.of(
            "jdk.compiler", "only vertx-codegen (an annotation processor that sits on the runtime classpath) references it");
    /** Reached without a static reference: zip file systems (jar: URIs) and the EC crypto provider for TLS. */
    static final Set<String> ADDED = Set.of("jdk.zipfs", "jdk.crypto.ec");

    private JavaModules() {
    }

    /** Parses jdeps's comma-separated line (the last non-blank line of its output) into the module list for jlink. */
    public static String select(String jdepsOutput) {
        String line = Arrays.stream(jdepsOutput.strip().split("\\R")).map(String::strip)
                .filter(l -> !l.isEmpty()).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalArgumentException("jdeps printed no modules"));
        if (!line.matches("[a-z0-9.,]+")) {
            throw new IllegalArgumentException("jdeps did not print a module list: " + line);
        }
        Set<String> modules = new TreeSet<>(Arrays.asList(line.split(",")));
        modules.removeAll(EXCLUDED.keySet());
        modules.addAll(ADDED);
        modules.add("java.base");
        return modules.stream().collect(Collectors.joining(","));
    }
}
