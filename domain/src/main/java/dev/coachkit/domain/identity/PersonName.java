package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.Text;

/** A person's first and last name, each 1–100 characters, stored verbatim apart from outer spaces. */
public record PersonName(String firstName, String lastName) {

    public static final int MAX_LENGTH = 100;

    public PersonName {
        firstName = Text.required(firstName, "firstName", MAX_LENGTH);
        lastName = Text.required(lastName, "lastName", MAX_LENGTH);
    }
}
