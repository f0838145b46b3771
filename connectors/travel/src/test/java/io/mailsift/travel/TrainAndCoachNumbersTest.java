package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Train and coach-line numbers as operators print them, and what only looks like one. */
class TrainAndCoachNumbersTest {

    @Test
    void readsProductNumbersLabelledNumbersAndOneDigitIntercities() {
        assertThat(Legs.trainNumbers("Zürich HB ab 09:02 → Bern an 09:58, IC 8\nZug: WB 919\nTren\tMD 18032\n"
                + "Train number: 9024\nTGV INOUI n° 6601")).extracting(Legs.Token::value)
                .containsExactly("IC 8", "WB 919", "MD 18032", "9024", "TGV INOUI 6601");
    }

    @Test
    void doesNotTakeAZipCodeAClassOrACountForATrain() {
        assertThat(Legs.trainNumbers("Newark, NJ 07102\nTGV 2nde classe\nTrain 1 of 2\nWagen 7, Platz 45")).isEmpty();
    }

    @Test
    void readsCoachLinesButNotACarriageOrADuration() {
        assertThat(Legs.busNumbers("Linie N834 Richtung Prag\nService No. 420\nLine: M9\nLigne 1603")).extracting(
                Legs.Token::value).containsExactly("N834", "420", "M9", "1603");
        assertThat(Legs.busNumbers("Coach 3, Seats 61, 62\nPlease be at the bus 15 minutes early\n"
                + "Customer Service 0800 123 4567")).isEmpty();
    }

    @Test
    void aCoachLineIsNoFlightNumber() {
        assertThat(Legs.flightNumbers("Bus N1720 towards Paris\nZug: WB 919")).isEmpty();
    }
}
