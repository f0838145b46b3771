package io.mailsift.profile;

/**
 * A category of the taxonomy (docs/profile.md).
 *
 * @param id    stable identifier, stored and used by the API ({@code coffee-tea})
 * @param label what a person reads ({@code Coffee & tea})
 */
public record Category(String id, String label) {
}
