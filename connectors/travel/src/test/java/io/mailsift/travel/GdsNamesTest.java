package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GdsNamesTest {

    @Test
    void readsEveryPassengerOfAGalileoNameFieldWithoutTitlesOrBirthDate() {
        List<String> lines = List.of("1.1KONQUI/KATIE MS  2.1KONQUI/DOCTOR MR  3.1KONQUI/LITTLE*07JAN2007");

        assertThat(GdsNames.all(lines)).containsExactly("KATIE KONQUI", "DOCTOR KONQUI", "LITTLE KONQUI");
    }

    @Test
    void removesATitleGluedToTheGivenName() {
        assertThat(GdsNames.first(List.of("1.1DOE/JOHNMR"))).contains("JOHN DOE");
        assertThat(GdsNames.first(List.of("  1.AHMED/RIZWAN MR"))).contains("RIZWAN AHMED");
    }

    @Test
    void readsNoNameFromRemarksOrSegmentLines() {
        List<String> lines = List.of(" 1. EY  289 E  09JAN AMDAUH TK1  0505   0700  O*", "  1.TAW28NOV/",
                "SI.P1/SSRDOCSDLHK1/P/CH/E12345678/CH/07JAN76/F/05JUN23/KONQUI/KATIE");

        assertThat(GdsNames.all(lines)).isEmpty();
    }
}
