package io.mailsift.purchases.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tracking numbers in mail texts written in the style of real shops and carriers (EN, DE, FR), and in mails without. */
class TrackingNumbersInMailsTest {

    @Test
    void shouldFindTheNumberOfAUsShippingConfirmation() {
        String mail = """
                Hi Jane,
                Good news — your order #113-4829571-0937462 has shipped!
                Carrier: FedEx    Tracking number: 7905 3531 2317
                Estimated delivery: Tue, Dec 2
                Questions? Call 1-800-555-0199 or reply to this email.
                Order total: $84.97 (3 items)
                """;

        assertThat(TrackingNumbers.find(mail)).singleElement().satisfies(number -> {
            assertThat(number.carrierId()).isEqualTo("fedex");
            assertThat(number.number()).isEqualTo("790535312317");
            assertThat(number.trackingUrl()).isEqualTo("https://www.fedex.com/apps/fedextrack/?tracknumbers=790535312317");
        });
    }

    @Test
    void shouldFindTheNumberOfAUkRoyalMailNotice() {
        String mail = """
                Your parcel from Bits & Bobs Ltd is on its way with Royal Mail Tracked 48.
                Track it with reference RB123456785GB at royalmail.com.
                Order ref: 100234567 | Customer no. 88812345 | Tel 020 7946 0958
                """;

        assertThat(TrackingNumbers.find(mail)).extracting(TrackingNumber::number).containsExactly("RB123456785GB");
    }

    @Test
    void shouldFindTheNumberOfAGermanShippingNoticeButNotTheIban() {
        String mail = """
                Hallo Max,
                deine Bestellung 4711-0815 vom 30.11.2026 ist unterwegs.
                Versand mit UPS, Sendungsnummer: 1Z 999 AA1 01 2345 6784
                Bitte überweise den Betrag auf IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX.
                Telefon: +49 30 1234567890
                """;

        assertThat(TrackingNumbers.find(mail)).extracting(TrackingNumber::number)
                .containsExactly("1Z999AA10123456784");
    }

    @Test
    void shouldNotGiveANumberOfAFormatTheDataLacksToAnotherCarrier() {
        // DHL Paket's 20 digits pass USPS's check, but the mail says they are DHL's.
        assertThat(TrackingNumbers.validate("usps", "00340434161094042557")).isPresent();

        assertThat(TrackingNumbers.find("Ihre DHL Sendungsnummer: 00340434161094042557")).isEmpty();
    }

    @Test
    void shouldFindTheNumberOfAFrenchNoticeFromTheCarriersOwnSender() {
        String mail = "Votre colis est en route. Numéro de suivi : 0081 8270 9980 0000 2003 3350 276 C";

        assertThat(TrackingNumbers.find(mail, TrackingNumbers.carrierOfSender("notification@dpd.fr").stream().toList()))
                .singleElement().satisfies(number -> {
                    assertThat(number.carrierId()).isEqualTo("dpd");
                    assertThat(number.number()).isEqualTo("008182709980000020033350276C");
                });
    }

    @Test
    void shouldFindNothingInMailsWithoutParcels() {
        String marketing = """
                BLACK FRIDAY: up to 70% off! Use code SAVE20 at checkout. Offer ends 30/11/2026 23:59.
                Bestsellers from $19.99 — item 123456789012, 986578788855 and 112233445504 in stock.
                Unsubscribe: https://mail.shop.example/u/9400111206206406260787?id=1Z999AA1
                """;
        String passwordReset = "Your verification code is 482913. It expires in 10 minutes. Ref 3318810025.";
        String phishing = """
                INVOICE 3318810025 — payment overdue. Account 18004633301. Call +1 800 463 3301 now.
                """;

        assertThat(TrackingNumbers.find(marketing)).isEmpty();
        assertThat(TrackingNumbers.find(passwordReset)).isEmpty();
        assertThat(TrackingNumbers.find(phishing)).isEmpty();
    }
}
