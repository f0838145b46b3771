package io.mailsift.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private final Taxonomy taxonomy = new Taxonomy();

    @Test
    void shouldListBetweenFifteenAndTwentyFiveCategoriesEndingWithOther() {
        assertThat(taxonomy.categories()).hasSizeBetween(15, 25);
        assertThat(taxonomy.categories().getLast().id()).isEqualTo("other");
    }

    @Test
    void shouldPlaceItemsByKeywordsInEnglishFrenchAndGerman() {
        assertThat(taxonomy.ofItem("Lavazza Coffee Beans 1kg")).map(Category::id).contains("coffee-tea");
        assertThat(taxonomy.ofItem("Café en grains bio")).map(Category::id).contains("coffee-tea");
        assertThat(taxonomy.ofItem("Kaffeebohnen Crema, 1 kg")).map(Category::id).contains("coffee-tea");
        assertThat(taxonomy.ofItem("Croquettes pour chat 4kg")).map(Category::id).contains("pets");
        assertThat(taxonomy.ofItem("Hundefutter Lamm")).map(Category::id).contains("pets");
        assertThat(taxonomy.ofItem("The Hobbit (Paperback)")).map(Category::id).contains("books");
        assertThat(taxonomy.ofItem("USB-C Ladekabel 2m")).map(Category::id).contains("electronics");
        assertThat(taxonomy.ofItem("Zahnbürste")).map(Category::id).contains("beauty");
        assertThat(taxonomy.ofItem("Widget 3000")).isEmpty();
    }

    @Test
    void shouldPreferTheLongerKeywordAndMatchShortOnesOnlyAsWholeWords() {
        assertThat(taxonomy.ofItem("Notebook computer 14 inch")).map(Category::id).contains("electronics");
        assertThat(taxonomy.ofItem("Teeth whitening strips")).as("tee is a word, not a prefix").isEmpty();
    }

    @Test
    void shouldPlaceMerchantsByBrandThePreciserBrandWinning() {
        assertThat(taxonomy.ofMerchant("Uber Eats")).map(Category::id).contains("food-delivery");
        assertThat(taxonomy.ofMerchant("Uber")).map(Category::id).contains("rides");
        assertThat(taxonomy.ofMerchant("Amazon.de")).map(Category::id).contains("marketplaces");
        assertThat(taxonomy.ofMerchant("zooplus AG")).map(Category::id).contains("pets");
        assertThat(taxonomy.ofMerchant("Corner Shop Ltd")).isEmpty();
    }

    @Test
    void shouldPreferTheItemOverTheMerchantAndFallBackToOther() {
        assertThat(taxonomy.of("Amazon", "Dog food 12kg").id()).isEqualTo("pets");
        assertThat(taxonomy.of("Nespresso", "Widget").id()).isEqualTo("coffee-tea");
        assertThat(taxonomy.of("Corner Shop", "Widget").id()).isEqualTo("other");
    }

    @Test
    void shouldRefuseAFileWithoutOtherOrWithAStrayLine() {
        assertThatThrownBy(() -> parse("[books] Books\nkeywords: book\n")).hasMessageContaining("[other]");
        assertThatThrownBy(() -> parse("keywords: book\n[other] Other\n")).hasMessageContaining(":1:");
    }

    private static Taxonomy parse(String text) {
        return new Taxonomy(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
