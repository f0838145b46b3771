/**
 * The Mailsift connector SPI.
 *
 * <p>A connector is a small, pure plugin: it receives one parsed, read-only {@link io.mailsift.connector.Email}
 * and returns schema.org {@link io.mailsift.connector.Finding findings}. It never sees the database, the network
 * or other users' mail. Connectors are discovered with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/io.mailsift.connector.Connector}.
 *
 * <p>Threading: one connector instance serves every mailbox, concurrently. Implementations must be thread-safe
 * and should be stateless.
 */
@NullMarked
package io.mailsift.connector;

import org.jspecify.annotations.NullMarked;
