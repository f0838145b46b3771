package io.mailsift.connector;

import org.jspecify.annotations.Nullable;

/**
 * Metadata of one attachment or inline part that is not a body. Content is not exposed (except iCalendar, see
 * {@link Email#calendars()}): connectors decide from names and types, and raw mail is never kept.
 *
 * @param filename    the decoded file name, or {@code null} when the part has none
 * @param contentType the lower-case MIME type without parameters (e.g. {@code application/pdf})
 * @param size        the decoded size in bytes
 * @param inline      whether the part was marked {@code Content-Disposition: inline}
 * @param contentId   the {@code Content-ID} without angle brackets, or {@code null}
 */
public record Attachment(@Nullable String filename, String contentType, long size, boolean inline,
        @Nullable String contentId) {
}
