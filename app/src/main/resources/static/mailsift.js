// Renders findings from /api/findings, reloading them as soon as the server reports a change (long polling on
// /api/findings/changes). Everything taken from mail is inserted with textContent, never as HTML, so a hostile
// subject or field cannot run script here.
"use strict";

const ACCOUNTS_EVERY_MS = 5000;
const RETRY_MS = 2000;
let lastSignature = null;
const seenKeys = new Set();

function text(value) {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(", ");
  if (typeof value === "object") return text(value.name ?? value.iataCode ?? value["@value"] ?? "");
  return String(value);
}

function first(value) {
  return Array.isArray(value) ? value[0] : value;
}

// Times of trips are shown as written in the mail: the local time at the place, not converted to the browser's zone.
function when(value) {
  const s = text(first(value));
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(s);
  if (!m) return s;
  const day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
    .toLocaleDateString([], { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
  return m[4] ? `${day} ${m[4]}:${m[5]}` : day;
}

function place(p) {
  p = first(p) || {};
  return text(p.iataCode) || text(p.name) || text(p.address?.addressLocality);
}

// One line per finding, the way a person would say it.
function summarize(type, d) {
  const r = first(d.reservationFor) || {};
  switch (type) {
    case "FlightReservation":
      return `${text(r.airline?.iataCode)} ${text(r.flightNumber)} ${place(r.departureAirport)} → ${place(r.arrivalAirport)}, ${when(r.departureTime)} · ${text(d.reservationNumber)}`;
    case "TrainReservation":
    case "BusReservation":
      return `${text(r.trainNumber ?? r.busNumber)} ${place(r.departureStation ?? r.departureBusStop)} → ${place(r.arrivalStation ?? r.arrivalBusStop)}, ${when(r.departureTime)} · ${text(d.reservationNumber)}`;
    case "LodgingReservation":
      return `${text(r.name)}, ${when(d.checkinTime)} – ${when(d.checkoutTime)} · ${text(d.reservationNumber)}`;
    case "RentalCarReservation":
      return `${text(r.name ?? r.model)} from ${place(d.pickupLocation)}, ${when(d.pickupTime)} · ${text(d.reservationNumber)}`;
    case "EventReservation":
    case "FoodEstablishmentReservation":
      return `${text(r.name)}, ${when(r.startDate ?? d.startTime)} · ${text(d.reservationNumber)}`;
    case "Order":
      return `${text(d.merchant ?? d.seller)} order ${text(d.orderNumber)} · ${text(d.price ?? d.totalPaymentDue?.price)} ${text(d.priceCurrency ?? d.totalPaymentDue?.priceCurrency)}`;
    case "ParcelDelivery":
      return `${text(d.carrier ?? d.provider)} ${text(d.trackingNumber)} · ${text(d.deliveryStatus).replace(/^https?:\/\/schema.org\//, "")}`;
    default:
      return text(d.name) || type;
  }
}

// One chip per mailbox: its state, the backfill progress of folders still catching up, and the last error.
function renderAccounts(accounts) {
  const box = document.getElementById("accounts");
  box.replaceChildren(...accounts.map(a => {
    const el = document.createElement("span");
    el.className = "account " + a.state;
    el.textContent = a.name;
    const state = document.createElement("span");
    state.className = "state";
    const backfilling = (a.folders || []).filter(f => f.backfillTotal > f.backfillDone)
      .map(f => `${f.folder} ${f.backfillDone}/${f.backfillTotal}`);
    // A connector enabled later reads the folder's window again: "INBOX purchases 120/900".
    const catchingUp = (a.folders || []).flatMap(f => (f.catchups || [])
      .map(c => `${f.folder} ${c.connectorId} ${c.done}/${c.total}`));
    state.textContent = [a.state.replace("_", " "), ...backfilling, ...catchingUp].join(" · ");
    el.append(state);
    if (a.lastError && a.state !== "idle" && a.state !== "polling") {
      el.title = a.lastError;
      const error = document.createElement("span");
      error.className = "error";
      error.textContent = a.lastError;
      el.append(error);
    }
    return el;
  }));
}

function render(findings) {
  const template = document.getElementById("finding-template");
  const list = document.getElementById("findings");
  const firstRender = lastSignature === null;
  list.replaceChildren(...findings.map(f => {
    const node = template.content.firstElementChild.cloneNode(true);
    node.querySelector(".type").textContent = f.type;
    node.querySelector(".summary").textContent = summarize(f.type, f.data).replace(/\s+/g, " ").trim();
    node.querySelector(".meta").textContent =
      `${f.account} · ${f.connector} · from ${f.senderDomain ?? "unknown sender"}, mail of ${when(f.messageDate)}`;
    node.querySelector(".json").textContent = JSON.stringify(f.data, null, 2);
    const id = `${f.account}/${f.connector}/${f.key}`;
    if (!firstRender && !seenKeys.has(id)) node.classList.add("fresh");
    seenKeys.add(id);
    return node;
  }));
  document.getElementById("status").textContent = findings.length === 0
    ? "No findings yet. New mail appears here within a second."
    : `${findings.length} finding${findings.length === 1 ? "" : "s"}`;
}

// Sessions carry a CSRF token: the server sets it in the XSRF-TOKEN cookie, every change sends it back as a header.
function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : "";
}

async function call(path, options = {}) {
  const method = options.method || "GET";
  const headers = { ...(options.headers || {}) };
  if (method !== "GET") headers["X-XSRF-TOKEN"] = csrfToken();
  const response = await fetch(path, { cache: "no-store", ...options, headers });
  if (response.status === 401) {
    // The session ended (signed out elsewhere, expired): back to the sign-in page, then here again.
    location.assign("/signin");
    throw new Error("signed out");
  }
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response;
}

async function getJson(path) {
  return (await call(path)).json();
}

async function showMe() {
  try {
    const me = await getJson("/api/me");
    document.getElementById("me").textContent = me.displayName || me.username;
  } catch (e) {
    // The findings loop reports an unreachable service.
  }
}

document.getElementById("signout").addEventListener("click", async () => {
  try {
    await call("/signout", { method: "POST" });
  } finally {
    location.assign("/signin?signedout");
  }
});

function dateText(iso) {
  return iso ? new Date(iso).toLocaleString() : "never";
}

async function refreshTokens() {
  const tokens = await getJson("/api/tokens");
  document.getElementById("token-list").replaceChildren(...tokens.map(t => {
    const item = document.createElement("li");
    item.textContent = `${t.name} (${t.prefix}…) · created ${dateText(t.createdAt)} · last used ${dateText(t.lastUsedAt)}`
      + (t.expiresAt ? ` · expires ${dateText(t.expiresAt)}` : "")
      + (t.revokedAt ? ` · revoked ${dateText(t.revokedAt)}` : "");
    if (!t.revokedAt) {
      const revoke = document.createElement("button");
      revoke.type = "button";
      revoke.textContent = "Revoke";
      revoke.addEventListener("click", async () => {
        await call(`/api/tokens/${encodeURIComponent(t.id)}`, { method: "DELETE" });
        refreshTokens();
      });
      item.append(" ", revoke);
    }
    return item;
  }));
}

document.getElementById("token-form").addEventListener("submit", async event => {
  event.preventDefault();
  const days = document.getElementById("token-days").value;
  const response = await call("/api/tokens", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: document.getElementById("token-name").value, expiresInDays: days ? +days : null }),
  });
  const created = await response.json();
  document.getElementById("token-secret").textContent = created.token;
  document.getElementById("token-new").hidden = false;
  event.target.reset();
  refreshTokens();
});

document.getElementById("tokens").addEventListener("toggle", event => {
  if (event.target.open) refreshTokens();
});

async function refreshFindings() {
  const findings = await getJson("/api/findings");
  const signature = JSON.stringify(findings.map(f => [f.key, f.updatedAt]));
  if (signature !== lastSignature) {
    render(findings);
    lastSignature = signature;
  }
}

async function refreshAccounts() {
  try {
    renderAccounts(await getJson("/api/accounts"));
  } catch (e) {
    // The findings loop reports an unreachable service.
  } finally {
    setTimeout(refreshAccounts, ACCOUNTS_EVERY_MS);
  }
}

// Each answer is a version number; ask again with it and the server holds the request until the next change.
async function followChanges() {
  let version = -1;
  for (;;) {
    try {
      version = await getJson(`/api/findings/changes?after=${version}`);
      await refreshFindings();
    } catch (e) {
      document.getElementById("status").textContent =
        "Cannot reach the Mailsift service (" + e.message + "); retrying…";
      await new Promise(resolve => setTimeout(resolve, RETRY_MS));
    }
  }
}

showMe();
refreshAccounts();
followChanges();
