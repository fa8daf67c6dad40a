package dev.coachkit.domain.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Amounts in minor units of a currency people pay in. */
class MoneyTest {

    @Test
    void a_currency_is_an_iso_code_in_any_case() {
        assertThat(Money.of(2_500, "eur").currencyCode()).isEqualTo("EUR");
        assertThat(Money.of(500, "JPY").minorUnits()).isEqualTo(500);
    }

    @Test
    void unknown_codes_and_codes_nobody_pays_in_are_refused_on_the_currency_field() {
        for (String code : new String[] {"EURO", "ZZZ", "XAU", "XXX", "XTS", "12a"}) {
            assertThatThrownBy(() -> Money.of(100, code)).as(code).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("currency"));
        }
    }

    @Test
    void an_amount_is_never_negative() {
        assertThatThrownBy(() -> Money.of(-1, "EUR")).isInstanceOf(InvalidInputException.class);
    }
}
