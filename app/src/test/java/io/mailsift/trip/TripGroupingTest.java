package io.mailsift.trip;

import static io.mailsift.trip.TestSegments.BOS;
import static io.mailsift.trip.TestSegments.CDG;
import static io.mailsift.trip.TestSegments.FRA;
import static io.mailsift.trip.TestSegments.HKG;
import static io.mailsift.trip.TestSegments.JFK;
import static io.mailsift.trip.TestSegments.LIS;
import static io.mailsift.trip.TestSegments.LYS;
import static io.mailsift.trip.TestSegments.SFO;
import static io.mailsift.trip.TestSegments.at;
import static io.mailsift.trip.TestSegments.cancelled;
import static io.mailsift.trip.TestSegments.car;
import static io.mailsift.trip.TestSegments.event;
import static io.mailsift.trip.TestSegments.flight;
import static io.mailsift.trip.TestSegments.hotel;
import static io.mailsift.trip.TestSegments.station;
import static io.mailsift.trip.TestSegments.train;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.mailsift.trip.Segment.Kind;
import org.junit.jupiter.api.Test;

class TripGroupingTest {

    @Test
    void shouldMakeOneTripOfARoundTripWithItsHotelTitledByTheCityOfTheNights() {
        Segment out = flight(FRA, JFK, "2027-03-04 10:35 Europe/Berlin", "2027-03-04 13:20 America/New_York");
        Segment stay = hotel("The Pod Hotel", "New York", "2027-03-04", "2027-03-08");
        Segment back = flight(JFK, FRA, "2027-03-08 18:00 America/New_York", "2027-03-09 08:05 Europe/Berlin");

        List<Trip> trips = TripGrouping.group(List.of(back, stay, out), Optional.empty());

        assertThat(trips).singleElement().satisfies(trip -> {
            assertThat(trip.segments()).containsExactly(out, stay, back);
            assertThat(trip.destination()).isEqualTo("New York");
            assertThat(trip.title()).isEqualTo("New York, 4–9 March 2027");
            assertThat(trip.startsOn()).isEqualTo(LocalDate.of(2027, 3, 4));
            assertThat(trip.endsOn()).isEqualTo(LocalDate.of(2027, 3, 9));
        });
    }

    @Test
    void shouldKeepAStayWithoutHotelMailInOneTripWhileTheTravellerIsWhereTheTripLeftThem() {
        Segment out = flight(FRA, JFK, "2027-03-01 10:35 Europe/Berlin", "2027-03-01 13:20 America/New_York");
        Segment back = flight(JFK, FRA, "2027-03-12 18:00 America/New_York", "2027-03-13 08:05 Europe/Berlin");

        List<Trip> trips = TripGrouping.group(List.of(out, back), Optional.empty());

        assertThat(trips).singleElement().satisfies(trip -> {
            assertThat(trip.title()).isEqualTo("New York, 1–13 March 2027");
            assertThat(trip.segments()).containsExactly(out, back);
        });
    }

    @Test
    void shouldStartANewTripWhenTheTravellerLeavesHomeAgain() {
        Segment first = flight(FRA, CDG, "2027-03-01 08:00 Europe/Berlin", "2027-03-01 09:15 Europe/Paris");
        Segment firstBack = flight(CDG, FRA, "2027-03-02 18:00 Europe/Paris", "2027-03-02 19:10 Europe/Berlin");
        Segment second = flight(FRA, LIS, "2027-03-03 07:00 Europe/Berlin", "2027-03-03 09:00 Europe/Lisbon");
        Segment secondBack = flight(LIS, FRA, "2027-03-06 10:00 Europe/Lisbon", "2027-03-06 14:00 Europe/Berlin");

        List<Trip> trips = TripGrouping.group(List.of(first, firstBack, second, secondBack), Optional.empty());

        assertThat(trips).extracting(Trip::title).containsExactly("Paris, 1–2 March 2027", "Lisbon, 3–6 March 2027");
    }

    @Test
    void shouldFollowAMultiCityTripByTrainAndNameItAfterTheCityOfMostNights() {
        Segment out = flight(FRA, CDG, "2027-05-10 08:00 Europe/Berlin", "2027-05-10 09:15 Europe/Paris");
        Segment paris = hotel("Hôtel du Marais", "Paris", "2027-05-10", "2027-05-11");
        Segment toLyon = train(station("Paris Gare de Lyon", "Paris"), station("Lyon Part-Dieu", "Lyon"),
                "2027-05-11 10:00 Europe/Paris", "2027-05-11 12:00 Europe/Paris");
        Segment lyon = hotel("Hôtel des Célestins", "Lyon", "2027-05-11", "2027-05-14");
        Segment back = flight(LYS, FRA, "2027-05-14 19:00 Europe/Paris", "2027-05-14 20:10 Europe/Berlin");

        List<Trip> trips = TripGrouping.group(List.of(out, paris, toLyon, lyon, back), Optional.empty());

        assertThat(trips).singleElement().satisfies(trip -> {
            assertThat(trip.segments()).hasSize(5);
            assertThat(trip.title()).isEqualTo("Lyon, 10–14 May 2027");
        });
    }

    @Test
    void shouldKeepAnOpenJawTripTogetherThroughTheRentalCar() {
        Segment out = flight(FRA, JFK, "2027-06-01 10:35 Europe/Berlin", "2027-06-01 13:20 America/New_York");
        Segment drive = car(JFK, BOS, "2027-06-02 09:00 America/New_York", "2027-06-09 09:00 America/New_York");
        Segment back = flight(BOS, FRA, "2027-06-09 18:00 America/New_York", "2027-06-10 07:30 Europe/Berlin");

        List<Trip> trips = TripGrouping.group(List.of(out, drive, back), Optional.empty());

        assertThat(trips).singleElement().satisfies(trip -> assertThat(trip.segments()).containsExactly(out,
                drive, back));
    }

    @Test
    void shouldMakeAHotelOnlyWeekendATripAndTwoSeparateWeekendsTwoTrips() {
        Segment first = hotel("Hotel Am Stadtpark", "Leipzig", "2027-09-03", "2027-09-05");
        Segment second = hotel("Hotel Am Stadtpark", "Leipzig", "2027-09-17", "2027-09-19");

        List<Trip> trips = TripGrouping.group(List.of(first, second), Optional.empty());

        assertThat(trips).extracting(Trip::title)
                .containsExactly("Leipzig, 3–5 September 2027", "Leipzig, 17–19 September 2027");
    }

    @Test
    void shouldMakeAnEventAloneATripOfOneDay() {
        Segment concert = event("Der Nussknacker", station("Deutsche Oper Berlin", "Berlin"),
                "2027-12-18 19:30 Europe/Berlin");

        List<Trip> trips = TripGrouping.group(List.of(concert), Optional.empty());

        assertThat(trips).singleElement().extracting(Trip::title).isEqualTo("Berlin, 18 December 2027");
    }

    @Test
    void shouldPutOverlappingReservationsInOneTrip() {
        Segment stay = hotel("Hôtel du Marais", "Paris", "2027-03-04", "2027-03-08");
        Segment show = event("Opéra", station("Opéra Garnier", "Paris"), "2027-03-06 20:00 Europe/Paris");
        Segment dinner = TestSegments.segment(Kind.RESTAURANT, "Table at Petit Zinc", station("Petit Zinc", "Paris"),
                station("Petit Zinc", "Paris"), at("2027-03-05 20:00 Europe/Paris"),
                at("2027-03-05 20:00 Europe/Paris"));

        List<Trip> trips = TripGrouping.group(List.of(show, stay, dinner), Optional.empty());

        assertThat(trips).singleElement().satisfies(trip -> {
            assertThat(trip.segments()).containsExactly(stay, dinner, show);
            assertThat(trip.title()).isEqualTo("Paris, 4–8 March 2027");
        });
    }

    @Test
    void shouldPlaceAReservationWithoutEndAtItsStart() {
        Segment out = flight(FRA, CDG, "2027-03-01 08:00 Europe/Berlin", "2027-03-01 09:15 Europe/Paris");
        Segment noArrival = TestSegments.segment(Kind.TRAIN, "Train", station("Paris Gare de Lyon", "Paris"),
                station("Lyon Part-Dieu", "Lyon"), at("2027-03-02 10:00 Europe/Paris"),
                at("2027-03-02 10:00 Europe/Paris"));

        List<Trip> trips = TripGrouping.group(List.of(noArrival, out), Optional.empty());

        assertThat(trips).singleElement().satisfies(trip -> {
            assertThat(trip.segments()).containsExactly(out, noArrival);
            assertThat(trip.endsOn()).isEqualTo(LocalDate.of(2027, 3, 2));
        });
    }

    @Test
    void shouldLeaveCancelledReservationsOut() {
        Segment out = flight(FRA, CDG, "2027-03-01 08:00 Europe/Berlin", "2027-03-01 09:15 Europe/Paris");
        Segment gone = cancelled(hotel("Hôtel du Marais", "Paris", "2027-03-01", "2027-03-05"));

        List<Trip> trips = TripGrouping.group(List.of(out, gone), Optional.empty());

        assertThat(trips).singleElement().satisfies(trip -> assertThat(trip.segments()).containsExactly(out));
    }

    @Test
    void shouldDateATripAcrossTheDateLineByTheLocalDatesOfDepartureAndArrival() {
        Segment out = flight(SFO, HKG, "2027-03-01 23:00 America/Los_Angeles", "2027-03-03 05:00 Asia/Hong_Kong");
        // Arrives at an earlier local time than it left: the instant order still holds.
        Segment back = flight(HKG, SFO, "2027-03-10 12:00 Asia/Hong_Kong", "2027-03-10 08:00 America/Los_Angeles");

        List<Trip> trips = TripGrouping.group(List.of(back, out), Optional.empty());

        assertThat(trips).singleElement().satisfies(trip -> {
            assertThat(trip.segments()).containsExactly(out, back);
            assertThat(trip.title()).isEqualTo("Hong Kong, 1–10 March 2027");
        });
    }

    @Test
    void shouldUseTheConfiguredHomeEvenWhenTheJourneysSuggestAnother() {
        Segment out = flight(JFK, FRA, "2027-04-01 18:00 America/New_York", "2027-04-02 08:00 Europe/Berlin");
        Segment back = flight(FRA, JFK, "2027-04-20 10:00 Europe/Berlin", "2027-04-20 13:00 America/New_York");
        Segment next = flight(JFK, BOS, "2027-04-21 10:00 America/New_York", "2027-04-21 11:15 America/New_York");

        List<Trip> trips = TripGrouping.group(List.of(out, back, next), Optional.of(Place.city("New York")));

        assertThat(trips).extracting(Trip::title)
                .containsExactly("Frankfurt, 1–20 April 2027", "Boston, 21 April 2027");
    }

    @Test
    void shouldSplitTripsAtAGapWithoutContinuity() {
        Segment paris = flight(FRA, CDG, "2027-03-01 08:00 Europe/Berlin", "2027-03-01 09:15 Europe/Paris");
        Segment rome = hotel("Hotel Roma", "Rome", "2027-03-30", "2027-04-02");

        List<Trip> trips = TripGrouping.group(List.of(paris, rome), Optional.empty());

        assertThat(trips).extracting(Trip::title)
                .containsExactly("Paris, 1 March 2027", "Rome, 30 March – 2 April 2027");
    }

    @Test
    void shouldKeepAnAirportHotelTheNightBeforeWithTheFlight() {
        Segment night = hotel("Airport Hotel", "Frankfurt", "2027-07-01", "2027-07-02");
        Segment out = flight(FRA, LIS, "2027-07-02 07:00 Europe/Berlin", "2027-07-02 09:00 Europe/Lisbon");
        Segment back = flight(LIS, FRA, "2027-07-09 10:00 Europe/Lisbon", "2027-07-09 14:00 Europe/Berlin");

        List<Trip> trips = TripGrouping.group(List.of(night, out, back), Optional.of(Place.city("Frankfurt")));

        assertThat(trips).singleElement().extracting(Trip::title).isEqualTo("Lisbon, 1–9 July 2027");
    }

    @Test
    void shouldInferHomeFromWhereJourneysStartAndEnd() {
        List<Segment> journeys = List.of(
                flight(FRA, CDG, "2027-03-01 08:00 Europe/Berlin", "2027-03-01 09:15 Europe/Paris"),
                flight(CDG, FRA, "2027-03-02 18:00 Europe/Paris", "2027-03-02 19:10 Europe/Berlin"),
                flight(FRA, LIS, "2027-05-03 07:00 Europe/Berlin", "2027-05-03 09:00 Europe/Lisbon"),
                flight(LIS, FRA, "2027-05-06 10:00 Europe/Lisbon", "2027-05-06 14:00 Europe/Berlin"));

        assertThat(TripGrouping.inferHome(journeys)).get().extracting(Place::iataCode).isEqualTo("FRA");
        assertThat(TripGrouping.inferHome(journeys.subList(0, 2))).get().extracting(Place::iataCode)
                .as("a tie goes to where the first journey left from").isEqualTo("FRA");
        assertThat(TripGrouping.inferHome(List.of())).isEmpty();
        assertThat(TripGrouping.inferHome(List.of(
                flight(FRA, CDG, "2027-03-01 08:00 Europe/Berlin", "2027-03-01 09:15 Europe/Paris"),
                train(station("Paris Gare de Lyon", "Paris"), station("Lyon Part-Dieu", "Lyon"),
                        "2027-03-02 10:00 Europe/Paris", "2027-03-02 12:00 Europe/Paris"))))
                .get().extracting(Place::iataCode).as("a stop in the middle of a chain is not home").isEqualTo("FRA");
    }

    @Test
    void shouldTreatAHomeWrittenAsAnAirportCodeAsThatAirport() {
        Segment out = flight(FRA, LIS, "2027-07-02 07:00 Europe/Berlin", "2027-07-02 09:00 Europe/Lisbon");
        Segment back = flight(LIS, FRA, "2027-07-09 10:00 Europe/Lisbon", "2027-07-09 14:00 Europe/Berlin");
        Segment again = flight(FRA, LIS, "2027-07-10 07:00 Europe/Berlin", "2027-07-10 09:00 Europe/Lisbon");

        List<Trip> trips = TripGrouping.group(List.of(out, back, again), Optional.of(Place.city("fra")));

        assertThat(trips).hasSize(2);
    }
}
