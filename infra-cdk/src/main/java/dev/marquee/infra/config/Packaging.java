package dev.marquee.infra.config;

/** How the functions are built, chosen with {@code -c packaging=...}. */
public enum Packaging {
    /** GraalVM/Mandrel native image on provided.al2023; code from functions/&lt;f&gt;/target/function.zip. */
    NATIVE,
    /** A jlinked JDK 25 with a trained AOT cache and a bootstrap script on provided.al2023. */
    JVM_AOT,
    /** The managed Java 25 runtime with SnapStart; code from functions/&lt;f&gt;/target/function.zip. */
    JVM
}
