/**
 * Parsing of raw RFC 5322 messages into the {@link io.mailsift.connector.Email} view. Used by the platform, the
 * {@code scan} command and the connector test kit; connectors themselves never parse.
 *
 * <p>The only public entry point is {@link io.mailsift.connector.mail.EmailParser}; everything else here is
 * package-private and may change. The rules it applies, so that connector authors know what they get:
 * <ul>
 *   <li><b>Bodies.</b> Of a {@code multipart/alternative} the last text and the last HTML alternative are taken
 *       (alternatives go from plainest to richest); in {@code mixed}, {@code related} and other multiparts the first
 *       {@code text/plain} and {@code text/html} parts that are not attachments. An empty text alternative, or none,
 *       is replaced by the HTML's visible text, one line per block element. Text line ends are {@code \n};
 *       {@code format=flowed} text is unwrapped.</li>
 *   <li><b>Charsets.</b> A declared charset is used when the bytes fit it; UTF-8 bytes under a Latin or ASCII
 *       declaration are read as UTF-8; Latin-1 and ASCII are read as windows-1252 and Chinese, Japanese and Korean
 *       declarations as their Microsoft or national supersets (as browsers do); no, unknown or
 *       illegal declarations give strict UTF-8 when valid, else windows-1252. HTML without a MIME charset honours
 *       its {@code <meta charset>}. Headers get the same treatment, including raw 8-bit and RFC 2047 words split in
 *       the middle of a character.</li>
 *   <li><b>Structured data.</b> JSON-LD scripts (read leniently, then repaired: missing commas, HTML-escaped
 *       quotes, cut-off endings; an unreadable script is skipped alone) and microdata (top-level items only, values
 *       per the WHATWG algorithm, invalid nesting tolerated). {@code @type} values are schema.org local names;
 *       {@code @context} is added when absent.</li>
 *   <li><b>Calendars.</b> {@code text/calendar} parts and {@code .ics} attachments are decoded into
 *       {@link io.mailsift.connector.Email#calendars()}.</li>
 *   <li><b>Forwards.</b> {@code message/rfc822} parts are parsed recursively up to a depth limit.</li>
 *   <li><b>Limits.</b> Attachments are measured by streaming and never held; text parts over the size limit are
 *       listed as attachments; see {@link io.mailsift.connector.mail.EmailParser.Limits}.</li>
 *   <li><b>Errors.</b> Broken boundaries, base64 or quoted-printable degrade to what can be read. Only input without
 *       a single readable header field raises {@link io.mailsift.connector.mail.MalformedEmailException}.</li>
 * </ul>
 */
@NullMarked
package io.mailsift.connector.mail;

import org.jspecify.annotations.NullMarked;
