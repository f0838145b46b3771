package io.mailsift.interop;

import java.nio.charset.StandardCharsets;

/**
 * Flight confirmations carrying schema.org JSON-LD, as airlines send them: the real travel connector turns each into
 * exactly one {@code FlightReservation} finding whose {@code reservationNumber} is the one given here.
 */
public final class FlightMails {

    private FlightMails() {
    }

    public static byte[] confirmation(String reservationNumber) {
        String text = """
                From: Aurora Air <bookings@aurora-air.example>
                To: Test User <user@example.org>
                Subject: Your booking %1$s
                Date: Mon, 15 Feb 2027 09:12:00 +0100
                Message-ID: <booking-%1$s@aurora-air.example>
                MIME-Version: 1.0
                Content-Type: text/html; charset=utf-8

                <html><head><script type="application/ld+json">
                {
                  "@context": "https://schema.org",
                  "@type": "FlightReservation",
                  "reservationNumber": "%1$s",
                  "underName": {"@type": "Person", "name": "Camille Martin"},
                  "reservationFor": {
                    "@type": "Flight",
                    "flightNumber": "412",
                    "airline": {"@type": "Airline", "name": "Aurora Air", "iataCode": "AU"},
                    "departureAirport": {"@type": "Airport", "iataCode": "CDG"},
                    "departureTime": "2027-03-04T10:35:00+01:00",
                    "arrivalAirport": {"@type": "Airport", "iataCode": "LIS"}
                  }
                }
                </script></head><body><p>Booking reference: <b>%1$s</b></p></body></html>
                """.formatted(reservationNumber);
        return crlf(text);
    }

    /** A message no connector finds anything in. */
    static byte[] newsletter(String subject) {
        return crlf("""
                From: News <news@example.org>
                To: Test User <user@example.org>
                Subject: %s
                Date: Mon, 15 Feb 2027 09:12:00 +0100
                Message-ID: <%s@example.org>
                Content-Type: text/plain; charset=utf-8

                Nothing to find here.
                """.formatted(subject, Integer.toHexString(subject.hashCode())));
    }

    private static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
