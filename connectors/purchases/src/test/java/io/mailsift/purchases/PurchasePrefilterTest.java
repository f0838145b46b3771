package io.mailsift.purchases;

import static io.mailsift.connector.testkit.HeaderSamples.headers;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.testkit.EmlFixtures;
import io.mailsift.connector.testkit.HeaderSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recall and selectivity of the purchases connector's header prefilter. A message it declines is never fetched, so
 * every order and parcel mail of the project's corpora must pass on its own headers.
 */
class PurchasePrefilterTest {

    private final PurchaseConnector connector = new PurchaseConnector();

    @ParameterizedTest
    @ValueSource(strings = {"broken-markup-jsonld.eml", "invoice-and-orderless-markup-jsonld.eml",
            "order-confirmation-jsonld.eml", "order-confirmation-microdata.eml", "order-shipped-with-delivery-jsonld.eml",
            "order-status-update-jsonld.eml", "parcel-delivery-jsonld.eml", "parcel-delivery-microdata.eml",
            "order-confirmation-text-de.eml", "order-shipped-html-en.eml", "parcel-delivered-text-fr.eml",
            "text/ride-receipt-en.eml", "text/food-delivery-de.eml", "text/shop-order-fr.eml", "text/shop-order-uk.eml",
            "text/carrier-out-for-delivery-en.eml", "text/app-store-receipt-en.eml", "text/refund-de.eml",
            "text/ride-receipt-fr.eml", "text/ride-receipt-de.eml", "text/shipped-priceless-items-de.eml",
            "text/cancellation-en.eml"})
    void shouldAcceptEveryPurchaseMailOfTheCorpus(String name) {
        EmailHeaders headers = TestMails.resource(name).headers();

        assertThat(connector.interestedIn(headers)).as(name).isTrue();
    }

    @Test
    void shouldCoverEveryMailOfTheCorpusWithFindings() throws IOException {
        // Every fixture but the newsletter (whose markup is no order) and the negatives of the text reading (a
        // marketing mail and a fake invoice, which order nothing) is in the list above.
        try (var files = Files.list(Path.of("src/test/resources/mails"))) {
            assertThat(files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith("newsletter") && !name.startsWith("marketing")
                            && !name.startsWith("phishing"))).hasSize(11);
        }
    }

    /** The purchase mails of the demo mailbox. */
    @ParameterizedTest
    @ValueSource(strings = {"../../app/src/main/resources/demo/mail/03-order.eml",
            "../../app/src/main/resources/demo/mail/04-parcel.eml"})
    void shouldAcceptTheDemoPurchaseMails(String file) throws IOException {
        EmailHeaders headers = EmlFixtures.parse(Files.readAllBytes(Path.of(file))).headers();

        assertThat(connector.interestedIn(headers)).as(file).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Your order #112-4567890", "Ihre Bestellung bei Beispiel", "Bestellbestätigung",
            "Votre commande a été expédiée", "Confirmación de tu pedido", "Your receipt from Example",
            "Ihre Rechnung Nr. 4711", "Votre facture de novembre", "Tu factura", "Your package is out for delivery",
            "Ihr Paket kommt heute", "Votre colis est en route", "Tu envío está en camino", "Versandbestätigung",
            "Ihre Lieferung", "Livraison prévue demain", "Il tuo ordine è stato spedito", "Uw bestelling is verzonden",
            "Track your parcel", "Your item has shipped", "Sendungsverfolgung"})
    void shouldAcceptPurchaseSubjectsInSeveralLanguages(String subject) {
        assertThat(connector.interestedIn(headers("From: Anna <anna@mail.example>\r\nSubject: " + subject + "\r\n")))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fwd: look at this", "WG: zur Info", "TR: pour info", "RV: mira", "Re: Fwd: hmm"})
    void shouldAcceptEveryForwardWhateverItsSubject(String subject) {
        assertThat(connector.interestedIn(headers("From: Anna <anna@mail.example>\r\nSubject: " + subject + "\r\n")))
                .isTrue();
    }

    @Test
    void shouldAcceptAWellKnownShopOrCarrierUnderAnySubject() {
        assertThat(connector.interestedIn(headers("From: DHL <noreply@dhl.de>\r\nSubject: Neuigkeiten\r\n")))
                .isTrue();
        assertThat(connector.interestedIn(headers("From: Amazon.de <konto@amazon.de>\r\nSubject: Hallo\r\n")))
                .isTrue();
    }

    @Test
    void shouldDeclineMostMailThatIsNotAPurchase() {
        List<String> negatives = HeaderSamples.senderSubjectLines("prefilter-negatives.txt");
        List<String> accepted = HeaderSamples.accepted(connector, negatives);

        assertThat(negatives).hasSizeGreaterThan(20);
        assertThat(accepted).as("accepted").hasSizeLessThanOrEqualTo(negatives.size() / 10);
    }


}
