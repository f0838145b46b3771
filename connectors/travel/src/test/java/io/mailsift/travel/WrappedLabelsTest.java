package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WrappedLabelsTest {

    @Test
    void readsTheValueThatStartsTheNextLineWhenTheLabelEndsItsLine() {
        List<String> lines = List.of("Your travel details\tBooking no.\tAOI-1234567\tArrival",
                "10.08.2018\tDeparture\t18.08.2018\tDetails\t8 nights");

        assertThat(Labels.TO.values(lines)).extracting(Map.Entry::getValue).containsExactly("10.08.2018");
    }

    @Test
    void takesNoLabelOfTheNextRowForAValue() {
        List<String> lines = List.of("Frankfurt\tArrival", "Departure\t18.08.2018");

        assertThat(Labels.TO.values(lines)).isEmpty();
    }

    @Test
    void keepsNoMailTextBetweenCalls() {
        // a cache shared by all mails would hold past users' mail lines in memory
        assertThat(Arrays.stream(WrappedLabels.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()))
                .filter(field -> !field.getType().isPrimitive()))
                .isEmpty();
    }
}
