package io.mailsift.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.mailsift.connector.Connector;
import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.Finding;
import io.mailsift.connector.ReadScope;
import io.mailsift.registry.ConnectorRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs connectors on one message, each isolated: an exception or a run over the time budget is recorded against that
 * connector and the message, and the other connectors still run.
 */
@Component
class ConnectorRunner implements DisposableBean {

    /** What one connector found in one message. */
    record ConnectorFindings(String connectorId, List<Finding> findings) {
    }

    private final List<Connector> connectors;
    private final Duration budget;
    // Connector calls run on their own (virtual) thread so that a hung one can be abandoned at the deadline.
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("connector-", 0).factory());

    ConnectorRunner(ConnectorRegistry registry, IngestProperties settings) {
        this.connectors = registry.connectors();
        this.budget = settings.connectorTimeout();
    }

    /**
     * The connectors that want this message; one that fails to answer is recorded and treated as not interested. Every
     * connector is asked in one task, so that a message costs one hand-off to another thread, not one per connector
     * (prefilters take microseconds; the hand-offs were the cost). Only when that task overruns the time budget is
     * each connector asked on its own, to tell which one hangs.
     */
    List<Connector> interested(EmailHeaders headers, List<IngestError> errors) {
        return interested(headers, null, errors);
    }

    /**
     * Of the connectors the account consented to ({@code null}: all), those that want this message. A connector
     * without consent is not even asked: its prefilter sees no header of that mailbox.
     */
    List<Connector> interested(EmailHeaders headers, @Nullable Set<String> consented, List<IngestError> errors) {
        List<Connector> candidates = consented == null ? connectors
                : connectors.stream().filter(c -> consented.contains(c.descriptor().id())).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Future<List<Object>> answers = executor.submit(() -> {
            List<Object> each = new ArrayList<>(candidates.size());
            for (Connector connector : candidates) {
                try {
                    each.add(connector.interestedIn(headers));
                } catch (RuntimeException | Error e) {
                    each.add(e);
                }
            }
            return each;
        });
        List<Object> answered;
        try {
            answered = answers.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            answers.cancel(true);
            return interestedOneByOne(candidates, headers, errors);
        } catch (InterruptedException e) {
            answers.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the connectors' prefilters", e);
        }
        List<Connector> interested = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Connector connector = candidates.get(i);
            Object answer = answered.get(i);
            if (answer instanceof Throwable failure) {
                errors.add(IngestError.of(connector.descriptor().id(), IngestError.Kind.CONNECTOR, failure));
            } else if (answer == null) {
                errors.add(new IngestError(connector.descriptor().id(), IngestError.Kind.CONNECTOR, "returned null"));
            } else if (Boolean.TRUE.equals(answer)) {
                interested.add(connector);
            }
        }
        return interested;
    }

    private List<Connector> interestedOneByOne(List<Connector> candidates, EmailHeaders headers,
            List<IngestError> errors) {
        List<Connector> interested = new ArrayList<>();
        for (Connector connector : candidates) {
            Boolean wants = call(connector, () -> connector.interestedIn(headers), errors);
            if (Boolean.TRUE.equals(wants)) {
                interested.add(connector);
            }
        }
        return interested;
    }

    /** Whether any of these connectors reads bodies, so that the body must be fetched. */
    static boolean needBodies(List<Connector> connectors) {
        return connectors.stream().anyMatch(c -> c.descriptor().reads() != ReadScope.HEADERS);
    }

    /** Runs each connector's extract; a HEADERS connector gets the email without bodies. */
    List<ConnectorFindings> extract(List<Connector> interested, Email email, List<IngestError> errors) {
        List<ConnectorFindings> results = new ArrayList<>();
        for (Connector connector : interested) {
            Email view = connector.descriptor().reads() == ReadScope.HEADERS ? email.headersOnly() : email;
            List<Finding> findings = call(connector, () -> connector.extract(view), errors);
            if (findings != null && !findings.isEmpty()) {
                results.add(new ConnectorFindings(connector.descriptor().id(), List.copyOf(findings)));
            }
        }
        return results;
    }

    private <T> @Nullable T call(Connector connector, Callable<T> work, List<IngestError> errors) {
        String id = connector.descriptor().id();
        Future<T> future = executor.submit(work);
        try {
            T result = future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            if (result == null) {
                errors.add(new IngestError(id, IngestError.Kind.CONNECTOR, "returned null"));
            }
            return result;
        } catch (ExecutionException e) {
            errors.add(IngestError.of(id, IngestError.Kind.CONNECTOR, e.getCause() == null ? e : e.getCause()));
        } catch (TimeoutException e) {
            future.cancel(true);
            errors.add(new IngestError(id, IngestError.Kind.TIMEOUT, "no answer within " + budget));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connector '" + id + "' was running", e);
        }
        return null;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
