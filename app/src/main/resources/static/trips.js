// The trips page: upcoming trips as a timeline (past ones folded away), the home a trip ends at, and the secret
// address of the calendar feed. Every text from the server (titles, places, names from mail) is inserted with
// textContent, never as HTML.
"use strict";

function status(message) {
  document.getElementById("status").textContent = message;
}

function time(when) {
  const text = when.dateOnly ? when.local : when.local.replace("T", " ").substring(0, 16);
  return when.zone ? `${text} (${when.zone})` : text;
}

function showTrips(listId, trips) {
  const list = document.getElementById(listId);
  const template = document.getElementById("trip-template");
  list.replaceChildren();
  for (const trip of trips) {
    const item = template.content.firstElementChild.cloneNode(true);
    item.querySelector(".title").textContent = trip.title;
    const reservations = item.querySelector(".reservations");
    for (const reservation of trip.reservations) {
      const line = document.createElement("li");
      const reference = reservation.reference ? ` · ${reservation.reference}` : "";
      const passengers = reservation.passengers.length ? ` · ${reservation.passengers.join(", ")}` : "";
      line.textContent = `${time(reservation.start)} — ${reservation.summary}${reference}${passengers}`;
      reservations.append(line);
    }
    list.append(item);
  }
}

async function loadTrips() {
  const trips = await call("GET", "/api/trips");
  showTrips("upcoming-list", trips.upcoming);
  showTrips("past-list", trips.past);
  status(trips.upcoming.length === 0 ? "No upcoming trips." : "");
}

async function loadHome() {
  const home = await call("GET", "/api/trips/home");
  document.getElementById("home-input").value = home.configured ?? "";
  document.getElementById("home-now").textContent = home.configured
    ? `You set it to ${home.configured}.`
    : home.inferred ? `Going by your journeys it is ${home.inferred}; set it if that is wrong.` : "";
}

async function loadFeed() {
  const feed = await call("GET", "/api/trips/feed");
  document.getElementById("feed-state").textContent = feed.active
    ? `On since ${new Date(feed.createdAt).toLocaleString()} (address starting ${feed.prefix}…)`
      + (feed.lastUsedAt ? `, last read ${new Date(feed.lastUsedAt).toLocaleString()}.` : ", not read yet.")
    : "Off.";
  document.getElementById("feed-revoke").hidden = !feed.active;
}

document.getElementById("home-form").addEventListener("submit", async event => {
  event.preventDefault();
  try {
    await call("PUT", "/api/trips/home", { home: document.getElementById("home-input").value });
    await Promise.all([loadHome(), loadTrips()]);
  } catch (error) {
    status(error.message);
  }
});

document.getElementById("feed-create").addEventListener("click", async () => {
  try {
    const issued = await call("POST", "/api/trips/feed", {});
    document.getElementById("feed-url").textContent = window.location.origin + issued.path;
    document.getElementById("feed-new").hidden = false;
    await loadFeed();
  } catch (error) {
    status(error.message);
  }
});

document.getElementById("feed-revoke").addEventListener("click", async () => {
  try {
    await call("DELETE", "/api/trips/feed");
    document.getElementById("feed-new").hidden = true;
    await loadFeed();
  } catch (error) {
    status(error.message);
  }
});

Promise.all([loadTrips(), loadHome(), loadFeed()]).catch(error => status(error.message));
