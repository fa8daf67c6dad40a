package dev.coachkit.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaMetadata;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An account's profile: its IANA time zone and its avatar, which must be a READY image of its own. */
class AccountProfileTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final TenantId CLUB = TenantId.of(UUID.fromString("7c1e5a2b-4d3f-4a8e-b6c9-1f0e2d3c4b5a"));
    private static final AccountId ANN = AccountId.of(UUID.fromString("3f2a9c4e-8b1d-4e6f-9a7c-2d5e8f1b3c60"));
    private static final AccountId BO = AccountId.of(UUID.fromString("9d4c7a2e-1f3b-4c5d-9e8f-7a6b5c4d3e2f"));

    private final Account ann = Account.create(ANN, new EmailAddress("ann@club.test"), new PersonName("Ann", "Coach"),
            "$argon2id$hash", T0);

    private static MediaAsset pending(AccountId uploader, String contentType) {
        return MediaAsset.requestUpload(UUID.randomUUID(), CLUB, uploader, Optional.empty(), "me.png", contentType, 1024,
                Optional.empty(), T0, T0.plusSeconds(3600));
    }

    private static MediaAsset readyImage(AccountId uploader) {
        return pending(uploader, "image/png").uploaded(1024, T0).ready(MediaMetadata.image(64, 48));
    }

    private static void assertRefused(Runnable change, String field, String message) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo(field);
                    assertThat(error.message()).contains(message);
                }));
    }

    @Test
    void a_new_account_reads_times_in_utc_and_has_no_avatar() {
        assertThat(ann.timeZone()).isEqualTo(IanaTimeZone.UTC);
        assertThat(ann.timeZone().id()).isEqualTo("UTC");
        assertThat(ann.avatarMediaId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"})
    void a_tz_database_region_or_utc_is_a_time_zone(String id) {
        IanaTimeZone zone = IanaTimeZone.of(id);

        assertThat(zone.id()).isEqualTo(id);
        assertThat(zone.zone()).isEqualTo(ZoneId.of(id));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"+02:00", "-05:00", "Z", "GMT+2", "UTC+01:00", "UT+3", "PST", "CEST", "europe/berlin",
            "Europe/Atlantis", "", " Europe/Berlin", "Europe/Berlin\u0000", "Etc/GMT+5", "Etc/UTC", "EST", "GMT",
            "Zulu"})
    void an_offset_an_abbreviation_or_an_unknown_region_is_refused_naming_time_zone(String id) {
        assertRefused(() -> IanaTimeZone.of(id), "timeZone", "must be an IANA time zone");
    }

    @Test
    void a_stored_zone_this_jvm_no_longer_knows_reads_as_utc_so_the_account_still_loads() {
        assertThat(IanaTimeZone.ofStored("Europe/Atlantis")).isEqualTo(IanaTimeZone.UTC);
        assertThat(IanaTimeZone.ofStored("America/New_York").id()).isEqualTo("America/New_York");
    }

    @Test
    void a_fixed_offset_cannot_become_a_time_zone_even_through_the_constructor() {
        assertThatThrownBy(() -> new IanaTimeZone(ZoneId.of("+02:00"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void name_zone_and_avatar_change_independently() {
        MediaAsset image = readyImage(ANN);

        Account changed = ann.withTimeZone(IanaTimeZone.of("Europe/Berlin")).withAvatar(image)
                .withName(new PersonName("Ann", "Meyer"));

        assertThat(changed.timeZone().id()).isEqualTo("Europe/Berlin");
        assertThat(changed.avatarMediaId()).contains(image.id());
        assertThat(changed.name()).isEqualTo(new PersonName("Ann", "Meyer"));
        assertThat(changed.email()).isEqualTo(ann.email());
        assertThat(changed.passwordHash()).isEqualTo(ann.passwordHash());
        assertThat(changed.withoutAvatar().avatarMediaId()).isEmpty();
        assertThat(changed.withPasswordHash("$argon2id$stronger").avatarMediaId()).as("a rehash keeps the profile")
                .contains(image.id());
    }

    @Test
    void the_avatar_is_a_ready_image_the_account_uploaded_itself() {
        assertRefused(() -> ann.withAvatar(readyImage(BO)), "avatarMediaId", Account.NOT_YOUR_MEDIA);
        assertRefused(() -> ann.withAvatar(pending(ANN, "video/mp4")), "avatarMediaId", "must be an image, not a video");
        assertRefused(() -> ann.withAvatar(pending(ANN, "image/png")), "avatarMediaId",
                "must be READY; this image is PENDING_UPLOAD");
        assertRefused(() -> ann.withAvatar(pending(ANN, "image/png").uploaded(1024, T0)), "avatarMediaId",
                "this image is PROCESSING");
        assertRefused(() -> ann.withAvatar(pending(ANN, "image/png").uploaded(1024, T0).failed("corrupt")),
                "avatarMediaId", "this image is FAILED");
    }

    @Test
    void erasure_takes_the_avatar_and_the_zone_with_the_rest_of_the_personal_data() {
        Account erased = ann.withTimeZone(IanaTimeZone.of("Asia/Tokyo")).withAvatar(readyImage(ANN)).erased();

        assertThat(erased.avatarMediaId()).isEmpty();
        assertThat(erased.timeZone()).isEqualTo(IanaTimeZone.UTC);
        assertThat(erased.name()).isEqualTo(Account.ERASED_NAME);
    }
}
