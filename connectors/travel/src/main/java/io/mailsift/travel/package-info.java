/**
 * The travel connector: schema.org reservation markup (Gmail email markup, as airlines, hotels, rail and event
 * operators send it), iCalendar parts and the text of confirmation mails without markup turned into one finding per
 * booked leg. Only {@link io.mailsift.travel.TravelConnector} is
 * public; everything else is internal.
 */
@NullMarked
package io.mailsift.travel;

import org.jspecify.annotations.NullMarked;
