package dev.ciscosupport.mcp.analysis;

import dev.ciscosupport.mcp.cisco.call.CallContext;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A workflow's bound on the Cisco answers one tool call may use (an analysis makes dozens of requests against the
 * app's shared quota). The gateway keeps the bound ({@link CallContext#budget}); this is the workflow's view of it:
 * what it has used, and whether the bound cut the work short. {@link #end} gives an enclosing workflow its bound back.
 */
public final class Budget {
    private final CallContext call;
    private final int start;
    private final CallContext.Registration bound;
    private boolean exhausted;

    public Budget(CallContext call, int answers) {
        this.call = call;
        this.start = call.charged();
        this.bound = call.budget(answers);
    }

    /** What {@code ask} answers, or empty when the budget ran out before it could be asked. */
    public <T> Optional<T> spend(Supplier<T> ask) {
        try {
            return Optional.of(ask.get());
        } catch (CiscoException.OverBudget e) {
            exhausted = true;
            return Optional.empty();
        }
    }

    /** The Cisco answers asked for since the workflow began, fetched or reused. */
    public int used() {
        return call.charged() - start;
    }

    public boolean exhausted() {
        return exhausted;
    }

    /** The workflow is over: its bound is lifted. */
    public void end() {
        bound.close();
    }
}
