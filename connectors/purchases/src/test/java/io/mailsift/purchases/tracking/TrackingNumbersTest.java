package io.mailsift.purchases.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingNumbersTest {

    @Test
    void shouldValidateANumberWrittenWithSpacesAndInSmallLetters() {
        assertThat(TrackingNumbers.validate("1z 999 aa1 01 2345 6784")).hasValueSatisfying(number -> {
            assertThat(number.carrierId()).isEqualTo("ups");
            assertThat(number.carrierName()).isEqualTo("UPS");
            assertThat(number.number()).isEqualTo("1Z999AA10123456784");
            assertThat(number.trackingUrl())
                    .isEqualTo("https://wwwapps.ups.com/WebTracking/track?track=yes&trackNums=1Z999AA10123456784");
        });
    }

    @Test
    void shouldRejectANumberWithAWrongCheckDigit() {
        assertThat(TrackingNumbers.validate("1Z999AA10123456785")).isEmpty();
        assertThat(TrackingNumbers.validate("ups", "1Z999AA10123456785")).isEmpty();
    }

    @Test
    void shouldValidateOnlyInTheCarrierAsked() {
        assertThat(TrackingNumbers.validate("fedex", "986578788855")).isPresent();
        assertThat(TrackingNumbers.validate("ups", "986578788855")).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownCarrier() {
        assertThatThrownBy(() -> TrackingNumbers.validate("pony-express", "123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pony-express").hasMessageContaining("fedex");
    }

    @Test
    void shouldNameTheNationalPostOfAnS10Number() {
        assertThat(TrackingNumbers.validate("RB123456785GB")).hasValueSatisfying(number -> {
            assertThat(number.carrierId()).isEqualTo("s10");
            assertThat(number.carrierName()).isEqualTo("Royal Mail Group plc");
        });
    }

    @Test
    void shouldFindAUpsNumberWithoutAnyLabel() {
        String mail = "Good news! Your order #112-3456789-1234567 is on its way: 1Z 999 AA1 01 2345 6784.";

        assertThat(TrackingNumbers.find(mail)).extracting(TrackingNumber::number)
                .containsExactly("1Z999AA10123456784");
    }

    @Test
    void shouldFindAUpsNumberInACarrierLink() {
        String mail = "Track it: https://www.ups.com/track?tracknum=1Z999AA10123456784&loc=en_US";

        assertThat(TrackingNumbers.find(mail)).extracting(TrackingNumber::number)
                .containsExactly("1Z999AA10123456784");
    }

    @Test
    void shouldFindANumericNumberAfterATrackingLabel() {
        assertThat(TrackingNumbers.find("FedEx tracking number: 9865 7878 8855"))
                .singleElement().satisfies(number -> {
                    assertThat(number.carrierId()).isEqualTo("fedex");
                    assertThat(number.number()).isEqualTo("986578788855");
                    assertThat(number.trackingUrl()).endsWith("tracknumbers=986578788855");
                });
        assertThat(TrackingNumbers.find("Ihre Sendungsnummer lautet 9400111206206406260787."))
                .extracting(TrackingNumber::carrierId).containsExactly("usps");
        assertThat(TrackingNumbers.find("Numéro de suivi : 9400 1112 0620 6406 2607 87"))
                .extracting(TrackingNumber::carrierId).containsExactly("usps");
    }

    @Test
    void shouldGiveANumberTwoCarriersAcceptToTheCarrierTheMailNames() {
        assertThat(TrackingNumbers.validate("fedex", "112233445504")).isPresent();
        assertThat(TrackingNumbers.validate("purolator", "112233445504")).isPresent();

        assertThat(TrackingNumbers.find("Purolator shipment 112233445504 is on its way"))
                .extracting(TrackingNumber::carrierId).containsExactly("purolator");
        assertThat(TrackingNumbers.find("Tracking number 112233445504"))
                .extracting(TrackingNumber::carrierId).containsExactly("fedex");
    }

    @Test
    void shouldNotTakeAnOrderNumberForATrackingNumberEvenIfItsDigitsPassACheck() {
        // 123456789012 passes FedEx's 12-digit check, as one number in ten does.
        assertThat(TrackingNumbers.validate("123456789012")).isPresent();

        assertThat(TrackingNumbers.find("Order number: 123456789012\nShipped with FedEx.")).isEmpty();
        assertThat(TrackingNumbers.find("Bestellnummer 123456789012 – Versand mit FedEx")).isEmpty();
        assertThat(TrackingNumbers.find("Votre commande 123456789012 a été expédiée par FedEx")).isEmpty();
        assertThat(TrackingNumbers.find("Thanks for your purchase! Ref 123456789012")).isEmpty();
    }

    @Test
    void shouldApplyALabelOnlyToTheFirstNumberAfterIt() {
        assertThat(TrackingNumbers.find("Your DHL parcel for order 1234: 3318810025"))
                .extracting(TrackingNumber::number).containsExactly("3318810025");
        assertThat(TrackingNumbers.find("Tracking for order 1234: 3318810025")).isEmpty();
        assertThat(TrackingNumbers.find("Order: 3318810025, tracking with DHL to follow")).isEmpty();
    }

    @Test
    void shouldNotTakeANumberWithoutContextForATrackingNumberIfItsFormatIsAllDigits() {
        assertThat(TrackingNumbers.find("Your receipt 2026 #123456789012 total $12.00")).isEmpty();
        assertThat(TrackingNumbers.find("123456789012")).isEmpty();
    }

    @Test
    void shouldNotTakePhoneNumbersForTrackingNumbers() {
        // 1 800 463 3301 passes DHL Express's mod-7 check.
        assertThat(TrackingNumbers.validate("dhl", "18004633301")).isPresent();

        assertThat(TrackingNumbers.find("Questions about your DHL parcel? Call us at 1 800 463 3301.")).isEmpty();
        assertThat(TrackingNumbers.find("DHL tracking: +1 800 463 3301")).isEmpty();
        assertThat(TrackingNumbers.find("Your DHL shipment. Tel. 1 800 463 3301")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Your FedEx parcel ships on 2026-11-30 and arrives 30.11.2026 or 11/30/2026.",
            "Tracking: https://shop.example.com/orders/986578788855/track?session=112233445504",
            "Tracking questions: orders+986578788855@shop.example.com (FedEx)",
            "FedEx tracking id 98657878885512345678901234567890123",
            "Your UPS parcel: see item 9865787888551",
            "Amazon order TBA000000000000X shipped",
            "FedEx tracking number: 000000000000", })
    void shouldNotTakeDatesLinksAddressesOrLongDigitStringsForTrackingNumbers(String mail) {
        assertThat(TrackingNumbers.find(mail)).isEmpty();
    }

    @Test
    void shouldFindANumberWithoutCheckDigitOnlyWhereItsCarrierIsNamed() {
        assertThat(TrackingNumbers.find("Tracking number: TBA000000000000")).isEmpty();
        assertThat(TrackingNumbers.find("Your Amazon parcel: TBA000000000000"))
                .extracting(TrackingNumber::carrierId).containsExactly("amazon");
        assertThat(TrackingNumbers.find("Yodel tracking: JJD0002257639032011"))
                .extracting(TrackingNumber::carrierId).containsExactly("yodel");
    }

    @Test
    void shouldTakeTheSenderForTheCarrierNamed() {
        assertThat(TrackingNumbers.carrierOfSender("auto-notify@ups.com")).contains("ups");
        assertThat(TrackingNumbers.carrierOfSender("noreply@dhl.de")).contains("dhl");
        assertThat(TrackingNumbers.carrierOfSender("track@yodel.co.uk")).contains("yodel");
        assertThat(TrackingNumbers.carrierOfSender("info@odfl.com")).contains("old_dominion");
        assertThat(TrackingNumbers.carrierOfSender("shipment-tracking@amazon.com")).contains("amazon");
        assertThat(TrackingNumbers.carrierOfSender("orders@shop.example")).isEmpty();

        String mail = "Your parcel is on its way: TBA000000000000";
        assertThat(TrackingNumbers.find(mail)).isEmpty();
        assertThat(TrackingNumbers.find(mail, Set.of("amazon"))).extracting(TrackingNumber::carrierId)
                .containsExactly("amazon");
        assertThatThrownBy(() -> TrackingNumbers.find(mail, Set.of("pony-express")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSayWhetherACheckDigitVouchesForTheNumber() {
        assertThat(TrackingNumbers.validate("1Z999AA10123456784")).get()
                .extracting(TrackingNumber::checkDigitVerified).isEqualTo(true);
        assertThat(TrackingNumbers.validate("TBA000000000000")).get()
                .extracting(TrackingNumber::checkDigitVerified).isEqualTo(false);
    }

    @Test
    void shouldReportANumberMentionedTwiceOnce() {
        String mail = "UPS tracking 1Z999AA10123456784.\nTrack 1Z 999 AA1 01 2345 6784 on ups.com. Also RB123456785GB.";

        assertThat(TrackingNumbers.find(mail)).extracting(TrackingNumber::number)
                .containsExactly("1Z999AA10123456784", "RB123456785GB");
    }
}
