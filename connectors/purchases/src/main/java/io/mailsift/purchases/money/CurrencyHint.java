package io.mailsift.purchases.money;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a mail says about its currency besides its amounts, for the symbols several currencies share and for amounts
 * written without any currency. {@code $} is US dollars unless the country is one of another dollar (Canada,
 * Australia, …); {@code kr} is Swedish, Norwegian, Danish or Icelandic krona(e) only by country or language, never by
 * default; {@code ¥} is yen unless the country is China or the language Chinese.
 *
 * @param country         ISO 3166 alpha-2 code of the sender's country ({@code CA}), e.g. from its domain's TLD
 * @param language        ISO 639 code of the mail's language ({@code sv})
 * @param defaultCurrency the currency of amounts that carry none, e.g. the order's currency for its discount line
 */
public record CurrencyHint(@Nullable String country, @Nullable String language, @Nullable Currency defaultCurrency) {

    private static final CurrencyHint NONE = new CurrencyHint(null, null, null);

    /** Top-level domains that are no country's, or that sites use as if they were none. */
    private static final Set<String> NOT_A_COUNTRY = Set.of("io", "co", "tv", "me", "ai", "fm", "ly", "to");

    public CurrencyHint {
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        language = language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT);
    }

    public static CurrencyHint none() {
        return NONE;
    }

    public static CurrencyHint country(String isoCountry) {
        return new CurrencyHint(isoCountry, null, null);
    }

    public static CurrencyHint language(String isoLanguage) {
        return new CurrencyHint(null, isoLanguage, null);
    }

    /**
     * The country of a sender's domain, from its top-level domain: {@code shop.ca} gives Canada, {@code shop.co.uk}
     * the United Kingdom; {@code .com} and the TLDs used as generic ones ({@code .io}, {@code .co}, …) give none.
     */
    public static CurrencyHint senderDomain(String domain) {
        String host = domain.strip().toLowerCase(Locale.ROOT);
        host = host.substring(host.lastIndexOf('@') + 1);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String tld = host.substring(host.lastIndexOf('.') + 1);
        if (tld.equals("uk")) {
            return country("GB");
        }
        if (tld.length() != 2 || NOT_A_COUNTRY.contains(tld)
                || !Set.of(Locale.getISOCountries()).contains(tld.toUpperCase(Locale.ROOT))) {
            return NONE;
        }
        return country(tld);
    }

    public CurrencyHint withCountry(String isoCountry) {
        return new CurrencyHint(isoCountry, language, defaultCurrency);
    }

    public CurrencyHint withLanguage(String isoLanguage) {
        return new CurrencyHint(country, isoLanguage, defaultCurrency);
    }

    public CurrencyHint withDefaultCurrency(Currency currency) {
        return new CurrencyHint(country, language, currency);
    }

    /** The currency of {@code country}, if it has one (Antarctica has none). */
    @Nullable Currency countryCurrency() {
        if (country == null) {
            return null;
        }
        try {
            return Currency.getInstance(Locale.of("", country));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
