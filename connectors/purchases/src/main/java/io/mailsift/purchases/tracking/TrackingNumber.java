package io.mailsift.purchases.tracking;

import org.jspecify.annotations.Nullable;

/**
 * A tracking number that matched a carrier's format and passed its check digit, if the format has one.
 *
 * @param carrierId   the carrier's code in the bundled data ({@code ups}, {@code fedex}, {@code s10} for the UPU
 *                    S10 numbers of the national posts)
 * @param carrierName the carrier's name ({@code UPS}; for S10 numbers the national post of the number's country,
 *                    e.g. {@code Royal Mail} for {@code …GB})
 * @param formatId    the number format ({@code ups}, {@code fedex_12}, {@code usps_impb_c}, …)
 * @param formatName  the number format's name ({@code FedEx Express (12)})
 * @param number      the number without spaces, in capitals: what the carrier's tracking page wants
 * @param trackingUrl the carrier's tracking page for this number, when the data gives a URL template
 * @param checkDigitVerified whether the format has a check digit and the number passed it; if not, only its shape
 *                    (and, for numbers found in text, the carrier named nearby) vouches for it
 */
public record TrackingNumber(String carrierId, String carrierName, String formatId, String formatName, String number,
        @Nullable String trackingUrl, boolean checkDigitVerified) {
}
