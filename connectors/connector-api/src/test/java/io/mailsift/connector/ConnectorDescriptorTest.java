package io.mailsift.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsift.connector.mail.EmailParser;
import org.junit.jupiter.api.Test;

class ConnectorDescriptorTest {

    @Test
    void shouldReadTheVersionFromConnectorPropertiesNextToTheClass() {
        assertThat(ConnectorDescriptor.versionOf(ConnectorDescriptorTest.class)).isEqualTo("2.3.1");
    }

    @Test
    void shouldFallBackToTheImplementationVersionOfTheJarManifest() {
        assertThat(ConnectorDescriptor.versionOf(Test.class))
                .isNotBlank()
                .isEqualTo(Test.class.getPackage().getImplementationVersion());
    }

    @Test
    void shouldSayWhatToDoWhenAConnectorHasNoVersion() {
        assertThatThrownBy(() -> ConnectorDescriptor.versionOf(EmailParser.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connector.properties")
                .hasMessageContaining("Implementation-Version");
    }

    @Test
    void shouldRejectAnIdThatCannotBeStored() {
        assertThatThrownBy(() -> new ConnectorDescriptor("Travel Bookings", "1.0", SpiVersion.CURRENT,
                java.util.Set.of(), ReadScope.HEADERS, "finds bookings"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case");
    }
}
