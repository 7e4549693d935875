package dev.marquee.devtools.packaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JavaModulesTest {

    @Test
    void keepsWhatJdepsFoundDropsBuildTimeOnlyModulesAndAddsReflectiveOnes() {
        String jdeps = "Warning: split package: javax.annotation\njava.base,java.desktop,java.naming,jdk.compiler,jdk.unsupported\n";

        assertThat(JavaModules.select(jdeps))
                .isEqualTo("java.base,java.desktop,java.naming,jdk.crypto.ec,jdk.unsupported,jdk.zipfs");
    }

    @Test
    void alwaysHasJavaBaseEvenWhenJdepsListsOnlyOthers() {
        assertThat(JavaModules.select("java.sql")).startsWith("java.base,").contains("java.sql");
    }

    @Test
    void refusesOutputThatIsNoModuleList() {
        assertThatThrownBy(() -> JavaModules.select("Error: app.jar is a multi-release jar file but --multi-release option is not set"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multi-release");
        assertThatThrownBy(() -> JavaModules.select("  \n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no modules");
    }
}
