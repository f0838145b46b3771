package io.mailsift.purchases.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternLengthTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", textBlock = """
            \\s*1\\s*Z\\s*(?<S>(?:[A-Z0-9]\\s*){6,6})(?<C>[0-9]\\s*) => 9 => 9
            (?:GM|LX)\\s*(?=[0-9A-Z\\s]{10,39}\\b)[0-9A-Z\\s]{10,39} => 12 => 41
            (4\\s*2\\s*0\\s*)?([0-9]\\s*){5} => 5 => 8
            [A-Z]{3}(?<!X)-?[^\\]x] => 4 => 5
            (?:ab|c)+ => 1 => 2147483647
            """)
    void shouldKnowTheShortestAndLongestMatch(String regex, int shortest, int longest) {
        assertThat(PatternLength.of(regex)).containsExactly(shortest, longest);
    }

    @Test
    void shouldBoundEveryNumberOfEveryBundledFormat() {
        for (TrackingFormat format : CarrierData.load()) {
            assertThat(format.shortest()).as(format.id()).isBetween(10, format.longest());
            assertThat(format.longest()).as(format.id()).isLessThanOrEqualTo(42);
        }
    }
}
