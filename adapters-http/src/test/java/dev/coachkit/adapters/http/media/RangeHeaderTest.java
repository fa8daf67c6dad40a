package dev.coachkit.adapters.http.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.http.media.RangeHeader.Part;
import dev.coachkit.adapters.http.media.RangeHeader.Unsatisfiable;
import dev.coachkit.adapters.http.media.RangeHeader.Whole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeHeaderTest {

    private static final long TOTAL = 1000;

    @Test
    void a_first_and_last_byte_select_them_inclusive() {
        assertThat(RangeHeader.select("bytes=0-99", TOTAL)).isEqualTo(new Part(0, 99));
        assertThat(RangeHeader.select("bytes=10-10", TOTAL)).isEqualTo(new Part(10, 10));
        assertThat(((Part) RangeHeader.select("bytes=10-19", TOTAL)).length()).isEqualTo(10);
    }

    @Test
    void an_open_range_runs_to_the_end_and_a_last_byte_beyond_it_is_cut_at_the_end() {
        assertThat(RangeHeader.select("bytes=900-", TOTAL)).isEqualTo(new Part(900, 999));
        assertThat(RangeHeader.select("bytes=900-5000", TOTAL)).isEqualTo(new Part(900, 999));
        assertThat(RangeHeader.select("bytes=0-99999999999999999999999", TOTAL)).isEqualTo(new Part(0, 999));
    }

    @Test
    void a_suffix_selects_the_last_bytes_and_all_of_a_shorter_file() {
        assertThat(RangeHeader.select("bytes=-100", TOTAL)).isEqualTo(new Part(900, 999));
        assertThat(RangeHeader.select("bytes=-5000", TOTAL)).isEqualTo(new Part(0, 999));
    }

    @Test
    void the_content_range_names_the_bytes_and_the_total() {
        assertThat(new Part(900, 999).contentRange(TOTAL)).isEqualTo("bytes 900-999/1000");
        assertThat(Unsatisfiable.contentRange(TOTAL)).isEqualTo("bytes */1000");
    }

    @Test
    void unit_and_blanks_are_read_leniently() {
        assertThat(RangeHeader.select("Bytes= 5 - 9 ", TOTAL)).isEqualTo(new Part(5, 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=99999999999999999999-", "bytes=-0"})
    void a_range_beyond_the_file_or_of_no_bytes_is_unsatisfiable(String header) {
        assertThat(RangeHeader.select(header, TOTAL)).isEqualTo(new Unsatisfiable());
    }

    @Test
    void nothing_of_an_empty_file_can_be_selected() {
        assertThat(RangeHeader.select("bytes=0-", 0)).isEqualTo(new Unsatisfiable());
        assertThat(RangeHeader.select("bytes=-10", 0)).isEqualTo(new Unsatisfiable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes=", "bytes=-", "bytes=a-b", "bytes=5-4", "items=0-9", "bytes=0-9,20-29",
            "bytes=1-2-3", "bytes=+1-2", "bytes=0x10-", "bytes=\u0661-\u0662"})
    void several_ranges_another_unit_or_a_malformed_one_are_ignored(String header) {
        assertThat(RangeHeader.select(header, TOTAL)).isEqualTo(new Whole());
    }

    @Test
    void no_header_is_the_whole_file() {
        assertThat(RangeHeader.select(null, TOTAL)).isEqualTo(new Whole());
    }
}
