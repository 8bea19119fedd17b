package dev.ciscosupport.mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DigitsTest {
    @Test
    void writesWhatStringFormatWrites() {
        for (int width : new int[] {2, 5}) {
            for (int value : new int[] {0, 1, 9, 10, 52, 99, 100, 4_321, 9_999, 10_000, 99_999, 100_000}) {
                assertThat(Digits.padded(value, width)).as("%d in %d digits", value, width)
                        .isEqualTo(String.format(Locale.ROOT, "%0" + width + "d", value));
            }
        }
    }

    /** Every score the sandbox makes (a whole number of tenths, from 0.1 to 10.0), as it was made from a double. */
    @Test
    void writesTenthsAsStringFormatWritesTheScore() {
        for (int tenths = 0; tenths <= 100; tenths++) {
            assertThat(Digits.tenths(tenths)).isEqualTo(String.format(Locale.ROOT, "%.1f", tenths / 10 + tenths % 10 / 10.0));
        }
    }

    @Test
    void neverCutsANumberLongerThanTheWidth() {
        assertThat(Digits.padded(123_456, 5)).isEqualTo("123456");
    }
}
