package io.mailsift.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameWordsTest {

    @Test
    void shouldFoldCaseAccentsAndPunctuation() {
        assertThat(NameWords.of("Café en Grains, Größe L!")).containsExactly("cafe", "en", "grains", "grosse", "l");
        assertThat(NameWords.of(" -- ")).isEmpty();
    }

    @Test
    void shouldGiveTheSameItemKeyToTheSameItemInAnotherSize() {
        assertThat(NameWords.itemKey("Lavazza Crema e Gusto 1kg"))
                .isEqualTo(NameWords.itemKey("LAVAZZA Crema e Gusto, 1 kg"))
                .isEqualTo(NameWords.itemKey("Lavazza crema e gusto 500 g x2"))
                .isEqualTo("lavazza crema e gusto");
        assertThat(NameWords.itemKey("500 ml")).isEmpty();
    }
}
