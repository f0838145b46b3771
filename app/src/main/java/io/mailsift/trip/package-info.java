/**
 * Trips: a user's travel reservations grouped by time and place continuity ({@link io.mailsift.trip.TripGrouping}),
 * titled, stored, rebuilt after every change of the user's findings, and published as an iCalendar feed at a secret,
 * revocable address. The rules are written out in docs/trips.md.
 */
@NullMarked
package io.mailsift.trip;

import org.jspecify.annotations.NullMarked;
