package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.InvalidInputException;
import java.util.Optional;

/** The bounds every product keeps, reported on the request field that breaks them. */
final class ProductRules {

    private ProductRules() {}

    static void require(String name, Optional<String> description, int credits, Money price,
            Optional<Integer> validDays) {
        if (name.isBlank() || name.codePointCount(0, name.length()) > Product.MAX_NAME) {
            throw new InvalidInputException("name", "must be 1 to " + Product.MAX_NAME + " characters");
        }
        if (description.filter(text -> text.codePointCount(0, text.length()) > Product.MAX_DESCRIPTION).isPresent()) {
            throw new InvalidInputException("description", "must be at most " + Product.MAX_DESCRIPTION + " characters");
        }
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
