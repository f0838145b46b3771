package io.mailsift.recommendation;

import org.jspecify.annotations.Nullable;

/**
 * Something to buy (or look at) and why, in words a person reads.
 *
 * @param kind     where it comes from: {@code replenishment}, {@code favourite-category} or {@code co-purchase}
 * @param item     what is suggested: an item's name, or a category's label
 * @param category the taxonomy's category id
 * @param reason   why, in plain words; never a count below k, never another user's data
 * @param due      for a replenishment, when the next purchase is expected ({@code 2026-12-03}); null otherwise
 */
public record Recommendation(String kind, String item, String category, String reason, @Nullable String due) {

    static final String REPLENISHMENT = "replenishment";
    static final String FAVOURITE_CATEGORY = "favourite-category";
    static final String CO_PURCHASE = "co-purchase";
}
