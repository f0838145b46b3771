/**
 * Money in mails: amounts as exact decimals with their ISO 4217 currency, read from the ways receipts write them
 * ({@code $1,234.56}, {@code 1.234,56 €}, {@code 1 234,56 EUR}, {@code CHF 1'234.50}, {@code ¥1,200}, …). Entry
 * points: {@link io.mailsift.purchases.money.MoneyParser} and {@link io.mailsift.purchases.money.Money}.
 */
@NullMarked
package io.mailsift.purchases.money;

import org.jspecify.annotations.NullMarked;
