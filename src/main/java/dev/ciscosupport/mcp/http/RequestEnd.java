package dev.ciscosupport.mcp.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Runs the rest of the chain and then an action when the request has really ended: at once for a plain answer, or
 * when its stream completes for one answered asynchronously (server-sent events), however that stream ends.
 */
final class RequestEnd implements AsyncListener {
    private final Runnable action;

    private RequestEnd(Runnable action) {
        this.action = action;
    }

    static void chainThen(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Runnable action)
            throws IOException, ServletException {
        boolean streaming = false;
        try {
            chain.doFilter(request, response);
            if (request.isAsyncStarted()) {
                streaming = true;
                request.getAsyncContext().addListener(new RequestEnd(action));
            }
        } finally {
            if (!streaming) {
                action.run();
            }
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        action.run();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // onComplete follows
    }

    @Override
    public void onError(AsyncEvent event) {
        // onComplete follows
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this); // a restarted async cycle drops its listeners
    }
}
