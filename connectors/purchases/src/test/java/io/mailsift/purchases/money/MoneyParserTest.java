package io.mailsift.purchases.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyParserTest {

    private static final CurrencyHint EUR_ORDER = CurrencyHint.none().withDefaultCurrency(Currency.getInstance("EUR"));

    @ParameterizedTest(name = "[{index}] \"{0}\" = {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            $1,234.56           | 1234.56  | USD
            $0.99               | 0.99     | USD
            $5                  | 5.00     | USD
            US$ 12.00           | 12.00    | USD
            US$12               | 12.00    | USD
            USD 1,234.56        | 1234.56  | USD
            1,234.56 USD        | 1234.56  | USD
            £1,234.56           | 1234.56  | GBP
            £ 9.99              | 9.99     | GBP
            1.234,56 €          | 1234.56  | EUR
            1.234,56€           | 1234.56  | EUR
            €1.234,56           | 1234.56  | EUR
            € 1,234.56          | 1234.56  | EUR
            1 234,56 EUR        | 1234.56  | EUR
            "1\u00A0234,56\u00A0EUR" | 1234.56 | EUR
            "1\u202F234,56\u202F€"   | 1234.56 | EUR
            "1\u2009234,56 €"        | 1234.56 | EUR
            EUR 1.234,56        | 1234.56  | EUR
            EUR 1 234 567,89    | 1234567.89 | EUR
            12.345.678,90 €     | 12345678.90 | EUR
            12,99 €             | 12.99    | EUR
            12,99 euros         | 12.99    | EUR
            0,50 €              | 0.50     | EUR
            CHF 1'234.50        | 1234.50  | CHF
            CHF 1’234.50        | 1234.50  | CHF
            Fr. 12.50           | 12.50    | CHF
            CHF 1'234.–         | 1234.00  | CHF
            Fr. 5.-             | 5.00     | CHF
            12,- €              | 12.00    | EUR
            1.234,- €           | 1234.00  | EUR
            ¥1,200              | 1200     | JPY
            ¥ 1200              | 1200     | JPY
            JPY 1,200           | 1200     | JPY
            ￥3,980             | 3980     | JPY
            CN¥ 88.50           | 88.50    | CNY
            -€5.00              | -5.00    | EUR
            € -5.00             | -5.00    | EUR
            −5,00 €             | -5.00    | EUR
            - $ 5.00            | -5.00    | USD
            ($5.00)             | -5.00    | USD
            (5,00 €)            | -5.00    | EUR
            $1,234              | 1234.00  | USD
            1.234 €             | 1234.00  | EUR
            1,234 EUR           | 1234.00  | EUR
            BHD 1.234           | 1.234    | BHD
            KWD 1,234           | 1.234    | KWD
            0,125 €             | 0.125    | EUR
            1,234.567 USD       | 1234.567 | USD
            $12.5               | 12.50    | USD
            12 zł               | 12.00    | PLN
            199 Kč              | 199.00   | CZK
            R$ 1.234,56         | 1234.56  | BRL
            C$ 19.99            | 19.99    | CAD
            AU$19.99            | 19.99    | AUD
            ₹1,499              | 1499.00  | INR
            """)
    void shouldReadTheAmountAndCurrency(String text, String amount, String currency) {
        assertThat(MoneyParser.parse(text)).contains(new Money(new BigDecimal(amount), Currency.getInstance(currency)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" with {1} = {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            $19.99      | country CA  | 19.99  | CAD
            $19.99      | country AU  | 19.99  | AUD
            $19.99      | country US  | 19.99  | USD
            $19.99      | country DE  | 19.99  | USD
            $19.99      | domain shop.co.nz | 19.99 | NZD
            $19.99      | domain store.com  | 19.99 | USD
            99 kr       | country SE  | 99.00  | SEK
            99 kr       | language nb | 99.00  | NOK
            kr. 99,50   | domain butik.dk   | 99.50 | DKK
            ¥88         | country CN  | 88.00  | CNY
            ¥88         | language zh | 88.00  | CNY
            ¥880        | country JP  | 880    | JPY
            £1,234.56   | domain shop.co.uk | 1234.56 | GBP
            """)
    void shouldSettleSharedSymbolsWithTheHint(String text, String hint, String amount, String currency) {
        String[] kindAndValue = hint.split(" ");
        CurrencyHint currencyHint = switch (kindAndValue[0]) {
            case "country" -> CurrencyHint.country(kindAndValue[1]);
            case "language" -> CurrencyHint.language(kindAndValue[1]);
            default -> CurrencyHint.senderDomain(kindAndValue[1]);
        };

        assertThat(MoneyParser.parse(text, currencyHint))
                .contains(new Money(new BigDecimal(amount), Currency.getInstance(currency)));
    }

    @Test
    void shouldNotGuessWhichKronaWithoutAHint() {
        assertThat(MoneyParser.parse("99 kr")).isEmpty();
        assertThat(MoneyParser.parse("99 kr", CurrencyHint.senderDomain("shop.com"))).isEmpty();
        assertThat(MoneyParser.parse("99 SEK")).contains(Money.of("99", "SEK"));
    }

    @Test
    void shouldReadAnAmountWithoutCurrencyOnlyWithADefaultAndItsMinorDigits() {
        assertThat(MoneyParser.parse("(5.00)", EUR_ORDER)).contains(Money.of("-5.00", "EUR"));
        assertThat(MoneyParser.parse("12,99", EUR_ORDER)).contains(Money.of("12.99", "EUR"));
        assertThat(MoneyParser.parse("1.234,56", EUR_ORDER)).contains(Money.of("1234.56", "EUR"));
        assertThat(MoneyParser.parse("(5.00)")).isEmpty();
        assertThat(MoneyParser.parse("2026", EUR_ORDER)).isEmpty();
        assertThat(MoneyParser.parse("3", EUR_ORDER)).isEmpty();
        assertThat(MoneyParser.parse("1,234", EUR_ORDER)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "$", "EUR", "abc", "12 apples", "+1 800 555 0199", "(800) 555-0199", "+49 30 1234567",
            "2026-11-30", "30.11.2026", "11/30/2026", "€ 30.11.2026", "Order #123456", "#112-3456789-1234567",
            "112233445504", "$123456789012345", "1,23,456 $", "$1,2345.00", "$12.3456", "12 34 €", "1.234.56 €",
            "$1,234.567.89", "1 234 567", "ALL 12", "12 ABC", "12 usd", "$-", "($5.00", "$5.00)", "--5 €",
            "- €-5", "5 € 6", "12,-", "12,-- €", "12.-5 €", "1Z999AA10123456784", "v1.2.3", "12:30", "50%"})
    void shouldRejectTextThatIsNoAmount(String text) {
        assertThat(MoneyParser.parse(text)).isEmpty();
        assertThat(MoneyParser.parse(text, EUR_ORDER.withCountry("US"))).isEmpty();
    }

    @Test
    void shouldFindTheAmountsOfAReceipt() {
        String receipt = """
                Order #112-3456789-1234567 placed on 30.11.2026
                2 x Coffee beans 1 kg      2 €15.00
                Subtotal: 1.234,56 €   Shipping: 4,99\u00A0€   Discount: -€5.00
                Total (incl. VAT): EUR 1.234,55 — call +49 30 1234567 or see https://shop.example/o/123456
                Next time: US$ 12.00 off orders over $100!
                """;

        assertThat(MoneyParser.find(receipt, CurrencyHint.senderDomain("shop.de")))
                .extracting(match -> match.money().toString())
                .containsExactly("15.00 EUR", "1234.56 EUR", "4.99 EUR", "-5.00 EUR", "1234.55 EUR", "12.00 USD",
                        "100.00 USD");
    }

    @Test
    void shouldTakeParenthesesForANegativeAmountUnlessTheyConvertTheAmountBefore() {
        assertThat(MoneyParser.find("Discount ($5.00)  Total £10.00 (€11.60)", CurrencyHint.none()))
                .extracting(match -> match.money().toString())
                .containsExactly("-5.00 USD", "10.00 GBP", "11.60 EUR");
    }

    @Test
    void shouldSayWhereAnAmountIs() {
        String text = "Total: $1,234.56.";

        assertThat(MoneyParser.find(text, CurrencyHint.none())).singleElement().satisfies(match ->
                assertThat(text.substring(match.start(), match.end())).isEqualTo("$1,234.56"));
    }

    @Test
    void shouldNotFindAmountsInWordsOrOtherCodes() {
        assertThat(MoneyParser.find("Pay 5 USDT or 12EURO; model A12 $-sign; 3 ALL-IN; 4 ABC", CurrencyHint.none()))
                .isEmpty();
    }
}
