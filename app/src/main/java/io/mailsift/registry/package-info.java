/**
 * Which connectors this node runs: discovery on the class path and in plugin jars, with the SPI version check.
 * Free of Spring, shared by the service and the offline {@code scan} command.
 */
@NullMarked
package io.mailsift.registry;

import org.jspecify.annotations.NullMarked;
