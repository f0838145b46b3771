package io.mailsift.connector;

/** What part of a message a connector reads; shown to the user when they consent to a connector. */
public enum ReadScope {
    /** Headers only (sender, subject, date). Bodies are never fetched for this connector. */
    HEADERS,
    /** Headers, text and HTML bodies, structured data and attachment metadata, including iCalendar content. */
    BODIES
}
