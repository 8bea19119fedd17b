package dev.ciscosupport.mcp.replay;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Tests of the whole server in this JVM, answering from Cisco's recorded answers served verbatim. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnRecordedCisco {
    protected RecordedCisco cisco;
    protected InProcessServer server;

    @BeforeAll
    void startRecordedCisco() {
        cisco = RecordedCisco.start();
        server = new InProcessServer(cisco.apiBaseUrl(), cisco.tokenUrl(), "replay-client", "replay-secret");
    }

    @AfterAll
    void stopRecordedCisco() {
        server.close();
        cisco.close();
    }
}
