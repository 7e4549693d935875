package dev.marquee.devtools.packaging;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code package jvm-aot [--function api,ingest,retrain]}: the jvm-aot zips, built from the functions' Lambda builds. */
public final class PackageCommand {
    private PackageCommand() {
    }

    public static int run(String[] args) {
        List<String> functions = LambdaFunction.PACKAGED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--function" -> functions = Arrays.asList(args[++i].split(","));
                default -> {
                    System.err.println("usage: package jvm-aot [--function api,ingest,retrain]");
                    return 2;
                }
            }
        }
        Path repo = Path.of("").toAbsolutePath();
        JvmAotPackager packager = new JvmAotPackager(Path.of(System.getProperty("java.home")));
        for (String f : functions) {
            packager.build(LambdaFunction.of(repo, f));
        }
        return 0;
    }
}
