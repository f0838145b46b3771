package io.mailsift.security;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the (static) sign-in page which ways to sign in this node offers. */
@RestController
class SignInOptions {

    private final boolean microsoft;

    SignInOptions(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.microsoft = MicrosoftSignIn.offeredBy(registrations.getIfUnique());
    }

    @GetMapping(SecurityConfiguration.SIGN_IN_PAGE + "/options")
    Map<String, Boolean> options() {
        return Map.of("microsoft", microsoft);
    }
}
