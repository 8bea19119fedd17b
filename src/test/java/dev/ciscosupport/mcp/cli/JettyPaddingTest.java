package dev.ciscosupport.mcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JettyPaddingTest {
    @Test
    void compressedReferencesBelowThirtyTwoGigabytesOfHeap() {
        assertThat(JettyPadding.referencesPerCacheLine(128L << 20)).isEqualTo(16);
        assertThat(JettyPadding.referencesPerCacheLine((32L << 30) - 1)).isEqualTo(16);
        assertThat(JettyPadding.referencesPerCacheLine(32L << 30)).isEqualTo(8);
    }

    @Test
    void anOperatorsOwnValueIsKept() {
        String before = System.getProperty(JettyPadding.PROPERTY);
        try {
            System.setProperty(JettyPadding.PROPERTY, "4");
            JettyPadding.settle();
            assertThat(System.getProperty(JettyPadding.PROPERTY)).isEqualTo("4");
            System.clearProperty(JettyPadding.PROPERTY);
            JettyPadding.settle();
            assertThat(System.getProperty(JettyPadding.PROPERTY)).isEqualTo("16"); // the tests' heap is far below 32 GB
        } finally {
            if (before == null) {
                System.clearProperty(JettyPadding.PROPERTY);
            } else {
                System.setProperty(JettyPadding.PROPERTY, before);
            }
        }
    }
}
