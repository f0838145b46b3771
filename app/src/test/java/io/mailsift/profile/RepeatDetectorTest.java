package io.mailsift.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.mailsift.profile.RepeatDetector.Purchase;
import io.mailsift.profile.RepeatDetector.Repeat;
import org.junit.jupiter.api.Test;

class RepeatDetectorTest {

    private static final Category COFFEE = new Category("coffee-tea", "Coffee & tea");
    private static final LocalDate START = LocalDate.of(2026, 7, 1);

    @Test
    void shouldFindAnItemBoughtAtARegularIntervalWithItsMedianSpreadAndNextDate() {
        List<Repeat> repeats = RepeatDetector.detect(purchases("coffee beans", 0, 29, 61, 90, 121));

        assertThat(repeats).singleElement().satisfies(repeat -> {
            assertThat(repeat.purchases()).isEqualTo(5);
            assertThat(repeat.intervalDays()).isEqualTo(30); // intervals 29, 32, 29, 31
            assertThat(repeat.spreadDays()).isEqualTo(1); // deviations 1, 2, 1, 1
            assertThat(repeat.firstDate()).isEqualTo(START);
            assertThat(repeat.lastDate()).isEqualTo(START.plusDays(121));
            assertThat(repeat.nextExpected()).isEqualTo(START.plusDays(151));
            assertThat(repeat.accountIds()).containsExactly(1L);
        });
    }

    @Test
    void shouldNeedThreePurchasesOnDifferentDays() {
        assertThat(RepeatDetector.detect(purchases("coffee beans", 0, 30))).isEmpty();
        assertThat(RepeatDetector.detect(purchases("coffee beans", 0, 0, 30))).isEmpty();
        assertThat(RepeatDetector.detect(purchases("coffee beans", 0, 30, 60))).hasSize(1);
    }

    @Test
    void shouldNotCallIrregularPurchasesARepeat() {
        assertThat(RepeatDetector.detect(purchases("batteries", 0, 5, 90, 100, 200))).isEmpty();
    }

    @Test
    void shouldKeepItemsApartAndNameTheMailboxesTheyCameFrom() {
        List<Purchase> purchases = new ArrayList<>(purchases("coffee beans", 0, 14, 28));
        purchases.add(new Purchase("coffee beans", "Coffee beans", COFFEE, START.plusDays(42), 2));
        purchases.addAll(purchases("tea", 0, 60, 120));

        List<Repeat> repeats = RepeatDetector.detect(purchases);

        assertThat(repeats).extracting(Repeat::itemKey).containsExactly("coffee beans", "tea");
        assertThat(repeats.getFirst().accountIds()).containsExactly(1L, 2L);
        assertThat(repeats.getFirst().intervalDays()).isEqualTo(14);
    }

    @Test
    void shouldRoundAnEvenMedianHalfUp() {
        assertThat(RepeatDetector.median(List.of(1, 2))).isEqualTo(2);
        assertThat(RepeatDetector.median(List.of(3, 1, 2))).isEqualTo(2);
    }

    private static List<Purchase> purchases(String item, int... days) {
        List<Purchase> purchases = new ArrayList<>();
        for (int day : days) {
            purchases.add(new Purchase(item, item, COFFEE, START.plusDays(day), 1));
        }
        return purchases;
    }
}
