package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.Text;
import java.util.Optional;

/** The bounds every product keeps, reported on the request field that breaks them. */
final class ProductRules {

    private ProductRules() {}

    static void require(String name, Optional<String> description, int credits, Money price,
            Optional<Integer> validDays) {
        Text.required(name, "name", Product.MAX_NAME);
        description.ifPresent(text -> Text.verbatim(text, "description", Product.MAX_DESCRIPTION));
        if (credits < 1 || credits > Product.MAX_CREDITS) {
            throw new InvalidInputException("credits", "must be between 1 and " + Product.MAX_CREDITS);
        }
        if (price.minorUnits() < 1 || price.minorUnits() > Product.MAX_PRICE_CENTS) {
            throw new InvalidInputException("priceCents", "must be between 1 and " + Product.MAX_PRICE_CENTS);
        }
        if (validDays.filter(days -> days < 1 || days > Product.MAX_VALID_DAYS).isPresent()) {
            throw new InvalidInputException("validDays", "must be between 1 and " + Product.MAX_VALID_DAYS);
        }
    }
}
