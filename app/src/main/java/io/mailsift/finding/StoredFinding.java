package io.mailsift.finding;

import java.time.Instant;
import java.util.Map;

/**
 * A finding as stored, with what the user needs to see where it came from.
 *
 * @param id          the row id
 * @param userId      the owner of the account
 * @param accountName the name of the mail account it was found in
 * @param connectorId the connector that found it
 * @param type        the schema.org type
 * @param key         the deterministic finding key
 * @param payload     the schema.org JSON-LD object
 * @param provenance  the message it was last taken from
 * @param updatedAt   when it was last written
 */
public record StoredFinding(
        long id, long userId, String accountName, String connectorId, String type, String key,
        Map<String, Object> payload, Provenance provenance, Instant updatedAt) {
}
