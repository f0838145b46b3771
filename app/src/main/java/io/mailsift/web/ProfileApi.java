package io.mailsift.web;

import java.util.List;

import io.mailsift.profile.ShopperProfile;
import io.mailsift.profile.ShopperProfiles;
import io.mailsift.recommendation.Recommendation;
import io.mailsift.recommendation.Recommendations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's shopper profile and recommendations (docs/profile.md); nobody else's. */
@RestController
@RequestMapping("/api")
class ProfileApi {

    private final ShopperProfiles profiles;
    private final Recommendations recommendations;
    private final CurrentUser currentUser;

    ProfileApi(ShopperProfiles profiles, Recommendations recommendations, CurrentUser currentUser) {
        this.profiles = profiles;
        this.recommendations = recommendations;
        this.currentUser = currentUser;
    }

    @GetMapping("/profile")
    ShopperProfile profile() {
        return profiles.forUser(currentUser.id());
    }

    @GetMapping("/recommendations")
    List<Recommendation> recommendations() {
        return recommendations.forUser(currentUser.id());
    }
}
