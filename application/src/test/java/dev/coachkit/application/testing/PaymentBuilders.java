package dev.coachkit.application.testing;

import dev.coachkit.application.payments.port.in.CreateProductUseCase;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import java.util.Optional;

/** Test data for payments, with valid defaults. */
public final class PaymentBuilders {

    private PaymentBuilders() {}

    /** A pack of 5 credits for 100.00 EUR, for any coach, valid for ever, put on sale by {@code seller}. */
    public static PackBuilder aPack(Actor seller) {
        return new PackBuilder(seller);
    }

    public static final class PackBuilder {
        private final Actor seller;
        private String name = "Five sessions";
        private int credits = 5;
        private long priceCents = 10_000;
        private String currency = "EUR";
        private Optional<AccountId> coachId = Optional.empty();
        private Optional<Integer> validDays = Optional.empty();

        private PackBuilder(Actor seller) {
            this.seller = seller;
        }

        public PackBuilder named(String name) {
            this.name = name;
            return this;
        }

        public PackBuilder credits(int credits) {
            this.credits = credits;
            return this;
        }

        public PackBuilder priceCents(long priceCents) {
            this.priceCents = priceCents;
            return this;
        }

        public PackBuilder forCoach(AccountId coach) {
            this.coachId = Optional.of(coach);
            return this;
        }

        public PackBuilder validDays(int days) {
            this.validDays = Optional.of(days);
            return this;
        }

        public CreateProductUseCase.Command build() {
            return new CreateProductUseCase.Command(seller, name, Optional.empty(), credits, priceCents, currency,
                    coachId, validDays, Optional.empty());
        }
    }
}
