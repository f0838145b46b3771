package io.mailsift.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import io.mailsift.profile.ShopperProfile.RepeatPurchase;
import org.junit.jupiter.api.Test;

class RecommendationReasonsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void shouldSayHowOftenAndWhenLastInPlainWords() {
        assertThat(Recommendations.replenishmentReason(coffee(LocalDate.of(2026, 11, 3)), TODAY))
                .isEqualTo("You buy coffee beans about every 30 days; last on 3 November."
                        + " Next expected around 3 December.");
    }

    @Test
    void shouldSayWhenAPurchaseIsDueAndNameTheYearOfAnotherYear() {
        assertThat(Recommendations.replenishmentReason(coffee(LocalDate.of(2025, 12, 20)), LocalDate.of(2026, 1, 25)))
                .isEqualTo("You buy coffee beans about every 30 days; last on 20 December 2025. It is due now.");
    }

    @Test
    void shouldNameKNotTheNumberOfUsersInACoPurchaseReason() {
        assertThat(Recommendations.coPurchaseReason("coffee beans", "milk frother", 10))
                .isEqualTo("At least 10 other shoppers who bought coffee beans also bought milk frother.");
    }

    private static RepeatPurchase coffee(LocalDate last) {
        return new RepeatPurchase("coffee beans", "coffee beans", "coffee-tea", "Coffee & tea", 4, 30, 1,
                last.minusDays(90), last, last.plusDays(30));
    }
}
