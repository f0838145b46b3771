package io.mailsift.purchases.money;

/**
 * An amount found in running text.
 *
 * @param money the amount
 * @param start where its text starts (sign, parenthesis or currency mark included)
 * @param end   where its text ends, exclusive
 */
public record MoneyMatch(Money money, int start, int end) {
}
