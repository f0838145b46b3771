package io.mailsift.purchases.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CurrencyMarkTest {

    @Test
    void shouldReadEveryKnownMarkBeforeAndAfterANumber() {
        Pattern mark = Pattern.compile(MoneyParser.MARK);
        CurrencyHint nordic = CurrencyHint.country("SE");
        for (String known : CurrencyMark.MARKS) {
            assertThat(mark.matcher(known).matches()).as(known).isTrue();
            assertThat(MoneyParser.parse(known + " 12.50", nordic)).as(known).isPresent();
            assertThat(MoneyParser.parse("12,50 " + known, nordic)).as(known).isPresent();
        }
    }

    @Test
    void shouldTakeOnlyRealCurrencyCodes() {
        assertThat(CurrencyMark.currency("EUR", CurrencyHint.none())).isPresent();
        assertThat(CurrencyMark.currency("XYZ", CurrencyHint.none())).isEmpty();
        assertThat(CurrencyMark.currency("eur", CurrencyHint.none())).isEmpty();
        assertThat(CurrencyMark.currency("XAU", CurrencyHint.none())).as("gold is no price").isEmpty();
        assertThat(CurrencyMark.currency("ALL", CurrencyHint.none())).as("a word first").isEmpty();
    }
}
