/**
 * Test support for connector authors: run a {@link io.mailsift.connector.Connector} over {@code .eml} files or
 * emails built in code, offline and without the Mailsift server, the way the platform would.
 *
 * <ul>
 *   <li>{@link io.mailsift.connector.testkit.EmlFixtures} loads {@code .eml} files into parsed emails;</li>
 *   <li>{@link io.mailsift.connector.testkit.FakeEmail} builds an email in code (headers, bodies, markup,
 *       calendars, attachments);</li>
 *   <li>{@link io.mailsift.connector.testkit.ConnectorHarness} runs a connector as the platform does and checks
 *       the SPI contract;</li>
 *   <li>{@link io.mailsift.connector.testkit.FindingAssertions} asserts on the findings, AssertJ style.</li>
 * </ul>
 */
@NullMarked
package io.mailsift.connector.testkit;

import org.jspecify.annotations.NullMarked;
