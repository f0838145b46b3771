/**
 * Parcel tracking numbers: the formats and check digits of the carriers in jkeen/tracking_number_data (bundled,
 * MIT), validation of a given number and detection of the numbers a mail's text gives. Entry point:
 * {@link io.mailsift.purchases.tracking.TrackingNumbers}.
 */
@NullMarked
package io.mailsift.purchases.tracking;

import org.jspecify.annotations.NullMarked;
