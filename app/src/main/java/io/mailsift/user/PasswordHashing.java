package io.mailsift.user;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * New passwords are hashed with Argon2id (the OWASP first choice); each hash carries its algorithm as a prefix
 * ({@code {argon2}...}) so that the parameters or the algorithm can change later without invalidating stored hashes.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final String CURRENT = "argon2";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(CURRENT, Map.of(
                CURRENT, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
