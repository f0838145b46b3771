package io.mailsift.purchases.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every test number of the bundled carrier data (jkeen/tracking_number_data): each valid one is accepted by its own
 * format, each invalid one rejected by it (issue 6, item 6).
 */
class TrackingNumberTestNumbersTest {

    record TestNumber(String carrierId, String carrierName, String formatId, String number, boolean valid) {

        @Override
        public String toString() {
            return formatId + " " + (valid ? "valid" : "invalid") + " '" + number + "'";
        }
    }

    static List<TestNumber> testNumbers() {
        List<TestNumber> numbers = new ArrayList<>();
        for (String file : CarrierData.courierFiles()) {
            Map<String, Object> courier = CarrierData.courierFile(file);
            for (Object item : (List<?>) courier.get("tracking_numbers")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> format = (Map<String, Object>) item;
                Map<?, ?> tests = (Map<?, ?>) format.get("test_numbers");
                for (String kind : List.of("valid", "invalid")) {
                    for (Object number : tests.get(kind) instanceof List<?> list ? list : List.of()) {
                        numbers.add(new TestNumber(CarrierData.string(courier, "courier_code"),
                                CarrierData.string(courier, "name"), CarrierData.formatId(format), (String) number,
                                kind.equals("valid")));
                    }
                }
            }
        }
        return numbers;
    }

    static Stream<TestNumber> validNumbers() {
        return testNumbers().stream().filter(TestNumber::valid);
    }

    static Stream<TestNumber> invalidNumbers() {
        return testNumbers().stream().filter(n -> !n.valid());
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void shouldAcceptEveryValidTestNumberInItsFormat(TestNumber test) {
        assertThat(TrackingNumbers.validate(test.formatId(), test.number()))
                .hasValueSatisfying(found -> {
                    assertThat(found.formatId()).isEqualTo(test.formatId());
                    assertThat(found.carrierId()).isEqualTo(test.carrierId());
                    assertThat(found.number()).isEqualTo(TrackingNumbers.compact(test.number()));
                });
        assertThat(TrackingNumbers.validate(test.carrierId(), test.number())).isPresent();
        assertThat(TrackingNumbers.validate(test.number())).isPresent();
    }

    @ParameterizedTest
    @MethodSource("invalidNumbers")
    void shouldRejectEveryInvalidTestNumberInItsFormat(TestNumber test) {
        assertThat(TrackingNumbers.validate(test.formatId(), test.number())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void shouldFindEveryValidTestNumberWhereTheMailSaysItIsATrackingNumberOfItsCarrier(TestNumber test) {
        String mail = "Your parcel is on its way with " + test.carrierName() + ".\nTracking number: "
                + test.number().strip() + "\nThank you for shopping with us.";

        assertThat(TrackingNumbers.find(mail)).singleElement().satisfies(found -> {
            assertThat(found.carrierId()).isEqualTo(test.carrierId());
            assertThat(found.number()).isEqualTo(TrackingNumbers.compact(test.number()));
        });
    }

    @ParameterizedTest
    @MethodSource("invalidNumbers")
    void shouldNotFindAnInvalidTestNumberAsANumberOfItsFormat(TestNumber test) {
        String mail = "Your parcel is on its way with " + test.carrierName() + ".\nTracking number: "
                + test.number().strip() + "\n";

        assertThat(TrackingNumbers.find(mail)).noneMatch(found -> found.formatId().equals(test.formatId()));
    }

    @Test
    void shouldCoverAllTestNumbersOfTheData() {
        // The bundled data (18 carriers, 39 formats) at its SOURCE-COMMIT; the counts change only with an update.
        assertThat(CarrierData.courierFiles()).hasSize(18);
        assertThat(CarrierData.load()).hasSize(39);
        assertThat(validNumbers().count()).isEqualTo(192);
        assertThat(invalidNumbers().count()).isEqualTo(88);
    }
}
