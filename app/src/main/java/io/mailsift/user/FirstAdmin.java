package io.mailsift.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the admin named in {@code mailsift.admin.*} at start, unless that user already has a password. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AdminProperties properties;
    private final Users users;

    FirstAdmin(AdminProperties properties, Users users) {
        this.properties = properties;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = properties.username();
        if (username == null || username.isBlank()) {
            return;
        }
        if (users.findByUsername(username.strip()).map(user -> user.passwordHash() != null).orElse(false)) {
            log.info("Admin '{}' exists; its password is left as it is", username.strip());
            return;
        }
        String password = password();
        if (password == null) {
            throw new IllegalStateException("mailsift.admin.username is '" + username + "' but no password is set: "
                    + "set MAILSIFT_ADMIN_PASSWORD or mailsift.admin.password-file");
        }
        users.createLocal(username, password, true);
        log.info("Admin '{}' created from configuration", username.strip());
    }

    private @Nullable String password() {
        if (properties.passwordFile() != null) {
            try {
                return Files.readString(properties.passwordFile(), StandardCharsets.UTF_8).stripTrailing();
            } catch (IOException e) {
                throw new IllegalStateException("mailsift.admin.password-file " + properties.passwordFile()
                        + " cannot be read: " + e.getMessage(), e);
            }
        }
        String password = properties.password();
        return password == null || password.isEmpty() ? null : password;
    }
}
