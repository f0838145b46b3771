package io.mailsift.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.profile.PurchaseDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No co-purchase suggestion reveals a pattern shared by fewer than k distinct other users: checked against a
 * brute-force count over many random populations in a real PostgreSQL, and at the exact boundary k-1 vs k.
 */
class CoPurchaseAnonymityTest {

    private static final PurchaseDatabase db = new PurchaseDatabase();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    private static final List<String> ITEMS = List.of("anchovies", "bagels", "capers", "dates", "endives",
            "figs", "gherkins");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    @BeforeEach
    void empty() {
        db.deleteEverything();
    }

    @Test
    void shouldSuggestOnlyPatternsSharedByAtLeastKOtherUsersInRandomPopulations() {
        Random random = new Random(20261130);
        int suggestionsSeen = 0;
        for (int population = 0; population < 25; population++) {
            db.deleteEverything();
            int k = 2 + random.nextInt(4);
            int size = k - 1 + random.nextInt(2 * k + 2);
            double appetite = 0.2 + 0.6 * random.nextDouble();
            Map<Long, Set<String>> bought = new HashMap<>();
            for (int u = 0; u < size; u++) {
                long user = db.user("shopper");
                long mailbox = db.mailbox(user);
                Set<String> items = new HashSet<>();
                for (String item : ITEMS) {
                    if (random.nextDouble() < appetite) {
                        items.add(item);
                        // Sometimes in a second order or a second mailbox: a user still counts once.
                        db.order(random.nextBoolean() ? mailbox : db.mailbox(user), DAY, item);
                        if (random.nextInt(4) == 0) {
                            db.order(mailbox, DAY.minusDays(3), item);
                        }
                    }
                }
                bought.put(user, items);
                db.rebuild(user);
            }
            CoPurchases coPurchases = new CoPurchases(db.jdbc());
            for (long requester : bought.keySet()) {
                List<CoPurchases.CoPurchase> suggestions = coPurchases.forUser(requester, k, 100);
                Set<String> expected = expectedSuggestions(bought, requester, k);
                assertThat(suggestions).extracting(CoPurchases.CoPurchase::suggested)
                        .as("population %d, k=%d, user %d", population, k, requester)
                        .containsExactlyInAnyOrderElementsOf(expected);
                for (CoPurchases.CoPurchase suggestion : suggestions) {
                    assertThat(bought.get(requester)).contains(suggestion.because())
                            .doesNotContain(suggestion.suggested());
                    assertThat(sharing(bought, requester, suggestion.because(), suggestion.suggested()))
                            .isGreaterThanOrEqualTo(k);
                    String reason = Recommendations.coPurchaseReason(suggestion.because(), suggestion.suggested(), k);
                    Matcher numbers = NUMBER.matcher(reason);
                    while (numbers.find()) {
                        assertThat(numbers.group()).as("the only number a reason shows is k").isEqualTo("" + k);
                    }
                }
                suggestionsSeen += suggestions.size();
            }
        }
        assertThat(suggestionsSeen).as("the populations must exercise both sides of k").isGreaterThan(20);
    }

    @Test
    void shouldSuggestAtKSharingUsersAndNotAtKMinusOne() {
        int k = 4;
        long alice = db.user("alice");
        db.order(db.mailbox(alice), DAY, "coffee beans");
        // Alice's own second mailbox with the pattern is not another user.
        db.order(db.mailbox(alice), DAY, "coffee beans", "cookies");
        db.rebuild(alice);
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < k - 1; i++) {
            long other = db.user("other");
            long mailbox = db.mailbox(other);
            db.order(mailbox, DAY, "coffee beans", "milk frother");
            db.order(db.mailbox(other), DAY.plusDays(1), "coffee beans", "milk frother"); // still one user
            db.rebuild(other);
            others.add(other);
        }
        long onlyMilk = db.user("milk only");
        db.order(db.mailbox(onlyMilk), DAY, "milk frother");
        db.rebuild(onlyMilk);
        CoPurchases coPurchases = new CoPurchases(db.jdbc());

        assertThat(coPurchases.forUser(alice, k, 10)).as("k-1 users share it").isEmpty();

        long last = db.user("kth");
        db.order(db.mailbox(last), DAY, "coffee beans", "milk frother");
        db.rebuild(last);

        assertThat(coPurchases.forUser(alice, k, 10)).containsExactly(
                new CoPurchases.CoPurchase("coffee beans", "milk frother"));
        assertThat(coPurchases.forUser(alice, k + 1, 10)).isEmpty();
    }

    @Test
    void shouldNeverSuggestAnItemOnlyOneUserBought() {
        long alice = db.user("alice");
        db.order(db.mailbox(alice), DAY, "coffee beans");
        db.rebuild(alice);
        for (int i = 0; i < 5; i++) {
            long other = db.user("other");
            db.order(db.mailbox(other), DAY, "coffee beans", i == 0 ? "engraved mug for aunt rosa" : "sugar");
            db.rebuild(other);
        }

        assertThat(new CoPurchases(db.jdbc()).forUser(alice, 2, 10)).extracting(CoPurchases.CoPurchase::suggested)
                .containsExactly("sugar");
    }

    /** The brute-force truth: items shared with at least one of the requester's items by >= k other users. */
    private static Set<String> expectedSuggestions(Map<Long, Set<String>> bought, long requester, int k) {
        Set<String> expected = new HashSet<>();
        for (String mine : bought.get(requester)) {
            for (String candidate : ITEMS) {
                if (!bought.get(requester).contains(candidate) && sharing(bought, requester, mine, candidate) >= k) {
                    expected.add(candidate);
                }
            }
        }
        return expected;
    }

    private static int sharing(Map<Long, Set<String>> bought, long requester, String a, String b) {
        int users = 0;
        for (Map.Entry<Long, Set<String>> entry : bought.entrySet()) {
            if (entry.getKey() != requester && entry.getValue().contains(a) && entry.getValue().contains(b)) {
                users++;
            }
        }
        return users;
    }
}
