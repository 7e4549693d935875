package dev.marquee.domain.validation;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FieldRulesIdTest {
    private static final String ALPHABET = "aZ09_.:@-/ é|+\u0000";

    @Test
    void theCharByCharCheckAgreesWithTheIdPatternOnRandomStrings() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            int length = random.nextInt(0, 132);
            StringBuilder s = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                s.append(ALPHABET.charAt(random.nextInt(random.nextInt(10) < 8 ? 9 : ALPHABET.length())));
            }
            String id = s.toString();
            assertThat(FieldRules.isId(id)).as(id).isEqualTo(FieldRules.ID.matcher(id).matches());
        }
    }

    @Test
    void boundsTheLengthAndTheFirstCharacter() {
        assertThat(FieldRules.isId("a".repeat(128))).isTrue();
        assertThat(FieldRules.isId("a".repeat(129))).isFalse();
        assertThat(FieldRules.isId("")).isFalse();
        assertThat(FieldRules.isId("-a")).isFalse();
        assertThat(FieldRules.isId("u1:ev@x.y-z_0")).isTrue();
    }
}
