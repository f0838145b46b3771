package io.mailsift.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;

import io.mailsift.profile.PurchaseDatabase.Line;
import io.mailsift.profile.ShopperProfile.CategorySpend;
import io.mailsift.profile.ShopperProfile.MerchantSpend;
import io.mailsift.profile.ShopperProfile.MonthSpend;
import io.mailsift.profile.ShopperProfile.RepeatPurchase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The profile derived from Order findings in a real PostgreSQL: spend, repeat purchases, isolation, unlinking. */
class ShopperProfileTest {

    private static final PurchaseDatabase db = new PurchaseDatabase();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 3);

    private long alice;
    private long home;

    @BeforeEach
    void aliceWithAMailbox() {
        db.deleteEverything();
        alice = db.user("alice");
        home = db.mailbox(alice);
    }

    @Test
    void shouldAddUpSpendPerCurrencyWithoutConvertingAndLeaveOutCancelledAndReturnedOrders() {
        db.order(home, "Amazon", "A1", NOV, "OrderDelivered", "30.00", "EUR",
                List.of(new Line("Coffee beans", 2, "9.50"), new Line("Paperback novel", 1, "7.99")));
        db.order(home, "Amazon", "A2", NOV.plusDays(1), "OrderProcessing", "12.10", "EUR", List.of());
        db.order(home, "Amazon UK", "U1", NOV, "OrderDelivered", "£1,000.50", "GBP", List.of());
        db.order(home, "Zara", "Z1", NOV.minusMonths(1), "OrderCancelled", "99.00", "EUR",
                List.of(new Line("Shirt", 1, "99.00")));
        db.order(home, "Zalando", "Z2", NOV.minusMonths(1), "OrderReturned", "45.00", "EUR",
                List.of(new Line("Shoes", 1, "45.00")));
        db.order(home, "Deliveroo", "D1", NOV.minusMonths(1), "OrderDelivered", "18.40", "EUR", List.of());

        db.rebuild(alice);
        ShopperProfile profile = db.profiles().forUser(alice);

        assertThat(profile.orders()).isEqualTo(4);
        assertThat(profile.cancelledOrders()).isEqualTo(2);
        assertThat(profile.byMerchant()).extracting(MerchantSpend::merchant, MerchantSpend::currency,
                MerchantSpend::amount, MerchantSpend::orders).containsExactly(
                        tuple("Amazon", "EUR", "42.10", 2),
                        tuple("Deliveroo", "EUR", "18.40", 1),
                        tuple("Amazon UK", "GBP", "1000.50", 1));
        assertThat(profile.byMonth()).extracting(MonthSpend::month, MonthSpend::currency, MonthSpend::amount)
                .containsExactly(tuple("2026-10", "EUR", "18.40"), tuple("2026-11", "EUR", "42.10"),
                        tuple("2026-11", "GBP", "1000.50"));
        assertThat(profile.byCategory()).extracting(CategorySpend::category, CategorySpend::currency,
                CategorySpend::amount).containsExactlyInAnyOrder(
                        tuple("coffee-tea", "EUR", "19.00"),
                        tuple("food-delivery", "EUR", "18.40"),
                        tuple("marketplaces", "EUR", "15.11"), // 3.01 of A1's shipping and A2
                        tuple("books", "EUR", "7.99"),
                        tuple("marketplaces", "GBP", "1000.50"));
    }

    @Test
    void shouldCountAnOrderFoundInTwoMailboxesOnce() {
        long work = db.mailbox(alice);
        db.order(home, "Nespresso", "N1", NOV, "OrderDelivered", "50", "EUR", List.of());
        db.order(work, "NESPRESSO", "N1", NOV, "OrderDelivered", "50", "EUR", List.of());

        db.rebuild(alice);

        assertThat(db.profiles().forUser(alice).byMerchant()).singleElement()
                .extracting(MerchantSpend::amount).isEqualTo("50.00");
    }

    @Test
    void shouldDetectARepeatPurchaseAcrossMailboxesAndSizes() {
        long work = db.mailbox(alice);
        db.order(home, "Nespresso", "N1", NOV.minusDays(90), "OrderDelivered", "30", "EUR",
                List.of(new Line("Coffee beans 1kg", 1, "30")));
        db.order(work, "Nespresso", "N2", NOV.minusDays(61), "OrderDelivered", "30", "EUR",
                List.of(new Line("Coffee Beans 500 g", 1, "30")));
        db.order(home, "Nespresso", "N3", NOV.minusDays(30), "OrderDelivered", "30", "EUR",
                List.of(new Line("coffee beans, 1 kg", 1, "30")));
        db.order(home, "Nespresso", "N4", NOV, "OrderDelivered", "30", "EUR",
                List.of(new Line("Coffee beans 1kg", 1, "30")));
        db.order(home, "Nespresso", "N5", NOV.minusDays(10), "OrderCancelled", "30", "EUR",
                List.of(new Line("Coffee beans 1kg", 1, "30")));

        db.rebuild(alice);

        assertThat(db.profiles().repeats(alice)).singleElement().satisfies(repeat -> {
            assertThat(repeat.itemKey()).isEqualTo("coffee beans");
            assertThat(repeat.item()).isEqualTo("Coffee beans 1kg");
            assertThat(repeat.category()).isEqualTo("coffee-tea");
            assertThat(repeat.purchases()).isEqualTo(4);
            assertThat(repeat.intervalDays()).isEqualTo(30);
            assertThat(repeat.lastDate()).isEqualTo(NOV);
            assertThat(repeat.nextExpected()).isEqualTo(NOV.plusDays(30));
        });
    }

    @Test
    void shouldGiveTheSameRowsWhenRebuiltAgain() {
        db.order(home, "Nespresso", "N1", NOV, "OrderDelivered", "50", "EUR", List.of(new Line("Tea", 1, "50")));

        db.rebuild(alice);
        int lines = db.count("purchase_lines");
        db.rebuild(alice);

        assertThat(db.count("purchase_orders")).isEqualTo(1);
        assertThat(db.count("purchase_lines")).isEqualTo(lines);
    }

    @Test
    void shouldKeepEveryUsersProfileToThemselves() {
        long bob = db.user("bob");
        db.mailbox(bob);
        threeMonthlyPurchases(home, "Dog food");

        db.rebuild(alice);
        db.rebuild(bob);

        ShopperProfile bobs = db.profiles().forUser(bob);
        assertThat(bobs.orders()).isZero();
        assertThat(bobs.byMerchant()).isEmpty();
        assertThat(bobs.byCategory()).isEmpty();
        assertThat(bobs.byMonth()).isEmpty();
        assertThat(bobs.repeats()).isEmpty();
        assertThat(db.profiles().forUser(alice).repeats()).hasSize(1);
    }

    @Test
    void shouldLeaveNothingDerivedFromAMailboxOnceItIsDeleted() {
        long work = db.mailbox(alice);
        threeMonthlyPurchases(work, "Dog food");
        threeMonthlyPurchases(home, "Cat litter");
        db.rebuild(alice);
        assertThat(db.profiles().repeats(alice)).hasSize(2);

        db.jdbc().sql("DELETE FROM mail_accounts WHERE id = :id").param("id", work).update();

        assertThat(db.profiles().repeats(alice)).extracting(RepeatPurchase::itemKey)
                .as("before any rebuild").containsExactly("cat litter");
        assertThat(db.jdbc().sql("SELECT count(*) FROM purchase_lines WHERE account_id = :id").param("id", work)
                .query(Integer.class).single()).isZero();
        assertThat(db.jdbc().sql("SELECT count(*) FROM purchase_orders WHERE account_id = :id").param("id", work)
                .query(Integer.class).single()).isZero();
    }

    private void threeMonthlyPurchases(long account, String item) {
        for (int month = 0; month < 3; month++) {
            db.order(account, "Zooplus", item + month, NOV.minusMonths(month), "OrderDelivered", "20", "EUR",
                    List.of(new Line(item, 1, "20")));
        }
    }
}
