package dev.coachkit.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void cursor_round_trips_its_keys() {
        Cursor cursor = Cursor.of("2026-11-25T10:00:00Z", "3f1c0a52-9a8e-4df0-9a55-7c3b8f0f2e11");

        assertThat(Cursor.decode(cursor.encode(), 2)).isEqualTo(cursor);
    }

    @Test
    void tampered_cursor_is_invalid_input_naming_the_field() {
        assertThatThrownBy(() -> Cursor.decode("%%%not-base64", 2))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                                .containsExactly("cursor"));
        assertThatThrownBy(() -> Cursor.decode(Cursor.of("only-one").encode(), 2))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_cursor_instant_no_store_can_compare_with_is_invalid_input() {
        assertThat(Cursor.of("2026-11-25T10:00:00Z").instantKey(0)).hasToString("2026-11-25T10:00:00Z");
        for (String far : new String[] {"+1000000000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z",
                "-4714-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> Cursor.of(far).instantKey(0)).as(far).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void limit_must_be_between_one_and_the_maximum() {
        assertThat(PageRequest.first(1).limit()).isEqualTo(1);
        assertThat(PageRequest.first(PageRequest.MAX_LIMIT).limit()).isEqualTo(100);
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PageRequest.first(101)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void lookahead_row_signals_a_next_page_pointing_at_the_last_item_returned() {
        Page<String> page = Page.fromLookahead(List.of("a", "b", "c"), 2, Cursor::of);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.next()).contains(Cursor.of("b"));
    }

    @Test
    void last_page_has_no_next_cursor() {
        Page<String> page = Page.fromLookahead(List.of("a", "b"), 2, Cursor::of);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.next()).isEmpty();
    }
}
