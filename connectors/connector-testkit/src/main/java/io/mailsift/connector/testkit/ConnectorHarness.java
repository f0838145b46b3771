package io.mailsift.connector.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import io.mailsift.connector.Connector;
import io.mailsift.connector.ConnectorDescriptor;
import io.mailsift.connector.Email;
import io.mailsift.connector.Finding;
import io.mailsift.connector.ReadScope;
import io.mailsift.connector.SpiVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a {@link Connector} the way the platform does, and fails the test with a clear message where the connector
 * breaks the SPI contract.
 *
 * <p>Per email, as the platform: {@link Connector#interestedIn} on the headers first (not interested: no findings);
 * a {@link ReadScope#HEADERS} connector gets {@link Email#headersOnly()}; then {@link Connector#extract}. Each
 * finding is checked: non-blank key, type among {@link ConnectorDescriptor#findingTypes()}, data made only of maps,
 * lists, strings, finite numbers and booleans and serializable to JSON. The descriptor is checked once.
 *
 * <pre>{@code
 * ConnectorHarness harness = ConnectorHarness.of(new FlightConnector());
 * ConnectorRun run = harness.run(EmlFixtures.resource("mails/lufthansa.eml"));
 * FindingAssertions.assertThat(run).hasFindingOfType("FlightReservation").hasUniqueKeys().isDeterministic();
 * }</pre>
 */
public final class ConnectorHarness {

    /** The default time budget per message; generous, since tests run on slow machines too. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(10);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connector connector;
    private final ConnectorDescriptor descriptor;
    private final Duration timeBudget;

    private ConnectorHarness(Connector connector, Duration timeBudget) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.timeBudget = Objects.requireNonNull(timeBudget, "timeBudget");
        this.descriptor = checkedDescriptor(connector);
    }

    /** A harness for one connector, with the {@link #DEFAULT_TIME_BUDGET default time budget}. */
    public static ConnectorHarness of(Connector connector) {
        return new ConnectorHarness(connector, DEFAULT_TIME_BUDGET);
    }

    /**
     * A harness for the connector of the given class as the platform finds it: through {@link ServiceLoader}, so
     * the test fails when {@code META-INF/services/io.mailsift.connector.Connector} does not list the class or it
     * has no public no-argument constructor.
     */
    public static ConnectorHarness discover(Class<? extends Connector> type) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<String> listed = new ArrayList<>();
        for (ServiceLoader.Provider<Connector> provider : ServiceLoader.load(Connector.class, loader).stream()
                .toList()) {
            listed.add(provider.type().getName());
            if (provider.type().equals(type)) {
                try {
                    return of(provider.get());
                } catch (ServiceConfigurationError e) {
                    throw new AssertionError(type.getName() + " is listed but cannot be created; it needs a public "
                            + "no-argument constructor: " + e.getMessage(), e);
                }
            }
        }
        throw new AssertionError(type.getName() + " is not listed in META-INF/services/"
                + Connector.class.getName() + " (listed: " + listed + ")");
    }

    /** The same harness with another time budget per message. */
    public ConnectorHarness withTimeBudget(Duration budget) {
        return new ConnectorHarness(connector, budget);
    }

    /** The connector's descriptor, as checked. */
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    /** Runs the connector over one parsed email. */
    public ConnectorRun run(Email email) {
        Objects.requireNonNull(email, "email");
        long start = System.nanoTime();
        boolean interested;
        try {
            interested = connector.interestedIn(email.headers());
        } catch (RuntimeException e) {
            throw new AssertionError(id() + " threw from interestedIn() on message '" + email.headers().subject()
                    + "': " + e, e);
        }
        if (!interested) {
            return new ConnectorRun(this, email, false, List.of(), elapsedSince(start));
        }
        Email offered = descriptor.reads() == ReadScope.HEADERS ? email.headersOnly() : email;
        List<Finding> findings;
        try {
            findings = connector.extract(offered);
        } catch (RuntimeException e) {
            // the platform records this against the message and carries on; in a test it is a failure
            throw new AssertionError(id() + " threw from extract() on message '" + email.headers().subject()
                    + "': " + e, e);
        }
        Duration elapsed = elapsedSince(start);
        if (findings == null) {
            throw new AssertionError(id() + " returned null from extract(); return an empty list instead");
        }
        if (elapsed.compareTo(timeBudget) > 0) {
            throw new AssertionError(id() + " took " + elapsed.toMillis() + " ms for message '"
                    + email.headers().subject() + "', over the budget of " + timeBudget.toMillis() + " ms");
        }
        List<Finding> checked = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            checked.add(checkedFinding(finding));
        }
        return new ConnectorRun(this, email, true, List.copyOf(checked), elapsed);
    }

    /** Runs the connector over one {@code .eml} file. */
    public ConnectorRun run(Path eml) {
        return run(EmlFixtures.load(eml));
    }

    /** Runs the connector over several emails, in order. */
    public List<ConnectorRun> runAll(List<Email> emails) {
        return emails.stream().map(this::run).toList();
    }

    private String id() {
        return "connector '" + descriptor.id() + "'";
    }

    private static ConnectorDescriptor checkedDescriptor(Connector connector) {
        ConnectorDescriptor descriptor = connector.descriptor();
        if (descriptor == null) {
            throw new AssertionError(connector.getClass().getName() + ".descriptor() returned null");
        }
        if (!SpiVersion.CURRENT.canRun(descriptor.spiVersion())) {
            throw new AssertionError("connector '" + descriptor.id() + "' needs SPI " + descriptor.spiVersion()
                    + " but this platform offers " + SpiVersion.CURRENT);
        }
        if (descriptor.findingTypes().isEmpty()) {
            throw new AssertionError("connector '" + descriptor.id() + "' declares no finding types");
        }
        if (descriptor.description().isBlank()) {
            throw new AssertionError("connector '" + descriptor.id() + "' has no description for the consent page");
        }
        if (!descriptor.equals(connector.descriptor())) {
            throw new AssertionError("connector '" + descriptor.id() + "' returns a different descriptor each call");
        }
        return descriptor;
    }

    private Finding checkedFinding(Finding finding) {
        if (finding == null) {
            throw new AssertionError(id() + " returned a null finding");
        }
        if (finding.key().isBlank()) {
            throw new AssertionError(id() + " returned a finding with a blank key");
        }
        if (!descriptor.findingTypes().contains(finding.type())) {
            throw new AssertionError(id() + " returned a finding of type '" + finding.type()
                    + "' which its descriptor does not declare (declared: " + descriptor.findingTypes() + ")");
        }
        checkJsonValue(finding.data(), finding.type());
        try {
            JSON.writeValueAsString(finding.data());
        } catch (JacksonException e) {
            throw new AssertionError(id() + " returned a " + finding.type() + " that is not serializable to JSON: "
                    + e.getMessage(), e);
        }
        return finding;
    }

    private void checkJsonValue(Object value, String path) {
        switch (value) {
            case Map<?, ?> map -> map.forEach((key, each) -> {
                if (!(key instanceof String)) {
                    throw new AssertionError(id() + ": " + path + " has a non-text key " + key);
                }
                checkJsonValue(each, path + "." + key);
            });
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    checkJsonValue(list.get(i), path + "[" + i + "]");
                }
            }
            case Double number when number.isNaN() || number.isInfinite() ->
                    throw new AssertionError(id() + ": " + path + " is " + number + ", which JSON cannot hold");
            case Float number when number.isNaN() || number.isInfinite() ->
                    throw new AssertionError(id() + ": " + path + " is " + number + ", which JSON cannot hold");
            case String _, Number _, Boolean _ -> { }
            default -> throw new AssertionError(id() + ": " + path + " holds a " + value.getClass().getName()
                    + "; finding data must be maps, lists, strings, numbers and booleans only");
        }
    }

    private static Duration elapsedSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
