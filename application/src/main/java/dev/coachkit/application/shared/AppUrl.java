package dev.coachkit.application.shared;

import java.util.Objects;

/**
 * Where people open the links of account e-mails (password reset, e-mail verification), without a trailing
 * slash: the web app, which reads {@code token} from the link and calls the API. By default the {@link PublicUrl}.
 */
public record AppUrl(String value) {

    public AppUrl {
        Objects.requireNonNull(value, "value");
        value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** {@code <appUrl>/reset-password?token=<token>}. */
    public String resetPasswordLink(String token) {
        return link("/reset-password", token);
    }

    /** {@code <appUrl>/verify-email?token=<token>}. */
    public String verifyEmailLink(String token) {
        return link("/verify-email", token);
    }

    /** Tokens are URL-safe (base64url), so nothing needs escaping. */
    private String link(String path, String token) {
        return value + path + "?token=" + token;
    }
}
