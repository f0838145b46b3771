package io.mailsift.recommendation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Recommendations ({@code mailsift.recommendations.*}).
 *
 * @param k an item is suggested from other users' purchases only when at least this many distinct other users
 *          bought both it and an item of the requester (default 10; at least 2, as 1 would show one person's
 *          purchase)
 */
@ConfigurationProperties("mailsift.recommendations")
public record RecommendationProperties(@DefaultValue("10") int k) {

    public RecommendationProperties {
        if (k < 2) {
            throw new IllegalArgumentException("mailsift.recommendations.k must be at least 2 (default 10), was " + k
                    + ": with fewer, a suggestion could show what one other person bought");
        }
    }
}
