package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.InvalidInputException;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** An amount in minor units (cents) of an ISO 4217 currency; never a floating-point number. */
public record Money(long minorUnits, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minorUnits < 0) {
            throw new InvalidInputException("priceCents", "must not be negative");
        }
    }

    /** Money from client input: {@code currency} a three-letter ISO code in any case. */
    public static Money of(long minorUnits, String currency) {
        Objects.requireNonNull(currency, "currency");
        try {
            if (!currency.matches("[A-Za-z]{3}")) {
                throw new IllegalArgumentException(currency);
            }
            Currency known = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
            if (known.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException(currency); // gold, test and "no currency" codes: nothing pays in them
            }
            return new Money(minorUnits, known);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("currency", "must be an ISO 4217 code such as EUR or USD");
        }
    }

    /** The ISO code, upper case. */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }
}
