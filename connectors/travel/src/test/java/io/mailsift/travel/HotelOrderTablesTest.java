package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A booking engine's order table of rooms ({@link ColumnTables#stays}) and its order reference in capitals. */
class HotelOrderTablesTest {

    private static final LocalDate SENT = LocalDate.of(2027, 3, 1);

    @Test
    void readsEachRowOfAnHtmlHeaderPairedWithItsCells() {
        List<String> lines = List.of("Room type\tHotel\tCheck-in date\tCheck-out date\tTotal",
                "Room type\tDouble", "Hotel\tHotel Nord", "Check-in date\t12-Mar-2027", "Check-out date\t14-Mar-2027",
                "Total\t€200.00",
                "Room type\tSingle", "Hotel\tHotel Süd", "Check-in date\t14-Mar-2027", "Check-out date\t16-Mar-2027",
                "Total\t€120.00", "Thank you");

        assertThat(ColumnTables.stays(lines, SENT, false)).extracting(ColumnTables.StayRow::hotel,
                        ColumnTables.StayRow::checkin, ColumnTables.StayRow::checkout)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Hotel Nord", LocalDate.of(2027, 3, 12),
                                LocalDate.of(2027, 3, 14)),
                        org.assertj.core.groups.Tuple.tuple("Hotel Süd", LocalDate.of(2027, 3, 14),
                                LocalDate.of(2027, 3, 16)));
    }

    @Test
    void readsTheRowsOfAnAlignedTextTableInAnyOfTheFourLanguages() {
        List<String> lines = MailLines.ofText("""
                Zimmer          Anreise        Abreise        Preis
                Doppelzimmer    12.03.2027     14.03.2027     238,00 €
                """);

        assertThat(ColumnTables.stays(lines, SENT, false)).singleElement()
                .satisfies(row -> {
                    assertThat(row.checkin()).isEqualTo(LocalDate.of(2027, 3, 12));
                    assertThat(row.checkout()).isEqualTo(LocalDate.of(2027, 3, 14));
                    assertThat(row.hotel()).isEmpty();
                });
    }

    @Test
    void readsRowsPrintedOneCellALineUnderTheHeader() {
        List<String> lines = List.of("Room Image\tRoom Type\tOccupancy\tCheck-in Date\tCheck-out Date\tTotal",
                "Deluxe River View", "Hotel Miradouro Alfama", "2 Adults, 0 Children", "22-Apr-2027", "25-Apr-2027",
                "€504.00");

        assertThat(ColumnTables.stays(lines, SENT, false)).singleElement()
                .satisfies(row -> assertThat(row.cells()).contains("Hotel Miradouro Alfama"));
    }

    @Test
    void takesNoDateColumnsOfAnotherKindForAStay() {
        List<String> lines = List.of("Product\tQty\tDispatch date\tDelivery date\tTotal",
                "Product\tOak table", "Qty\t1", "Dispatch date\t08-Mar-2027", "Delivery date\t11-Mar-2027",
                "Total\t$129.00");

        assertThat(ColumnTables.stays(lines, SENT, false)).isEmpty();
        assertThat(ColumnTables.isStayHeader(lines.getFirst())).isFalse();
    }

    @Test
    void takesNoRowWhoseLastDayIsNotAfterItsFirstNorAMonthLater() {
        List<String> lines = List.of("Room\tCheck-in\tCheck-out\tTotal", "Room\tDouble", "Check-in\t14-Mar-2027",
                "Check-out\t14-Mar-2027", "Total\t€1", "Room\tSingle", "Check-in\t01-Mar-2027",
                "Check-out\t20-Apr-2027", "Total\t€2");

        assertThat(ColumnTables.stays(lines, SENT, false)).isEmpty();
    }

    @Test
    void readsAnOrderReferenceInCapitalsUnderAnOrderLabel() {
        assertThat(Labels.orderCode(List.of("Order: QWXZRTPLA Placed on 10/02/2026 14:21:09")))
                .contains("QWXZRTPLA");
        assertThat(Labels.orderCode(List.of("Commande : TXWQKRPLZ passée le 10/02/2027"))).contains("TXWQKRPLZ");
        assertThat(Labels.orderCode(List.of("Bestellung\tZRKWQTPLM"))).contains("ZRKWQTPLM");
        assertThat(Labels.orderCode(List.of("Pedido:", "QPLMZRTWX"))).contains("QPLMZRTWX");
    }

    @Test
    void takesNoWordInCapitalsForAnOrderReference() {
        assertThat(Labels.orderCode(List.of("Order: PROCESSING"))).isEmpty();
        assertThat(Labels.orderCode(List.of("Order: CONFIRMED"))).isEmpty();
        // a word the mail prints in small letters elsewhere, a city, a code with digits (Labels.reference's)
        assertThat(Labels.orderCode(List.of("Order: BRANDT", "Dear Ms Brandt"))).isEmpty();
        assertThat(Labels.orderCode(List.of("Order: LISBON"))).isEmpty();
        assertThat(Labels.orderCode(List.of("Order: QWX123PLA"))).isEmpty();
        // no order label: "Reorder: …", an order's sentence
        assertThat(Labels.orderCode(List.of("Reorder: QWXZRTPLA"))).isEmpty();
        assertThat(Labels.orderCode(List.of("Your order QWXZRTPLA has shipped"))).isEqualTo(Optional.empty());
    }

    private static List<java.util.Map<String, Object>> read(String subject, List<String> lines) {
        return new TextReservations(lines, SENT).extract(subject);
    }

    @Test
    void readsNothingButTheStaysOfAnOrderTableUnderACapitalsCode() {
        // a subscription's invoice: start and end dates, an order code in capitals, no stay (second review)
        assertThat(read("Your invoice", List.of("Order: QWXZRTPLA",
                "Description\tStart date\tEnd date\tAmount",
                "Description\tCloud storage plan", "Start date\t12-Mar-2027", "End date\t14-Mar-2027",
                "Amount\t€9.00", "Concert tickets for the launch event on 20 March 2027"))).isEmpty();
    }

    @Test
    void namesTheHotelFromTheRowNotFromTheHeadersHotelColumn() {
        // one room: the header's "Hotel" cell names a column; "Occupancy" after it is no hotel (second review)
        List<java.util.Map<String, Object>> stays = read("Order confirmation", List.of(
                "Thank you for booking with Hotel Casa Aurelia Lisboa!", "Order: QWXZRTPLA",
                "Room type\tHotel\tOccupancy\tCheck-in date\tCheck-out date\tTotal",
                "Room type\tDouble", "Hotel\tHotel Casa Aurelia Lisboa", "Occupancy\t2 Adults",
                "Check-in date\t12-Mar-2027", "Check-out date\t14-Mar-2027", "Total\t€200.00"));

        assertThat(stays).singleElement().satisfies(stay -> {
            assertThat(stay).containsEntry("reservationNumber", "QWXZRTPLA");
            assertThat(((java.util.Map<?, ?>) stay.get("reservationFor")).get("name"))
                    .isEqualTo("Hotel Casa Aurelia Lisboa");
        });
    }

    @Test
    void takesNoColumnNameForAnOrderCode() {
        assertThat(Labels.orderCode(List.of("ORDER\tGUESTS\tCHECK-IN\tCHECK-OUT"))).isEmpty();
    }
}
