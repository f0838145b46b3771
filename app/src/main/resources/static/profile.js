// The shopper profile page: the signed-in user's spend (per currency, as exact decimal strings from the server) and
// recommendations with their reasons. Every text from the server is inserted with textContent, never as HTML.
"use strict";

const KINDS = {
  "replenishment": "Time to restock",
  "favourite-category": "Favourite category",
  "co-purchase": "Bought together",
};

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (response.status === 401) {
    window.location.assign("/signin");
    throw new Error("Please sign in again.");
  }
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return response.json();
}

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  if (className) td.className = className;
  return td;
}

function fillTable(id, rows, toCells, emptyText) {
  const body = document.querySelector(`#${id} tbody`);
  if (rows.length === 0) {
    const tr = document.createElement("tr");
    const td = cell(emptyText);
    td.colSpan = document.querySelectorAll(`#${id} thead th`).length;
    tr.append(td);
    body.replaceChildren(tr);
    return;
  }
  body.replaceChildren(...rows.map(row => {
    const tr = document.createElement("tr");
    tr.append(...toCells(row));
    return tr;
  }));
}

function money(amount, currency) {
  return `${amount} ${currency}`;
}

function renderRecommendations(recommendations) {
  const list = document.getElementById("recommendations");
  if (recommendations.length === 0) {
    list.replaceChildren(Object.assign(document.createElement("li"), {
      textContent: "No suggestions yet: they come with a few orders.",
    }));
    return;
  }
  list.replaceChildren(...recommendations.map(r => {
    const li = document.createElement("li");
    const kind = Object.assign(document.createElement("span"), { className: "kind", textContent: KINDS[r.kind] ?? r.kind });
    const item = Object.assign(document.createElement("span"), { className: "item", textContent: r.item });
    const reason = Object.assign(document.createElement("span"), { className: "reason", textContent: r.reason });
    li.append(kind, item, reason);
    return li;
  }));
}

async function load() {
  try {
    const [profile, recommendations] = await Promise.all([getJson("/api/profile"), getJson("/api/recommendations")]);
    renderRecommendations(recommendations);
    fillTable("repeats", profile.repeats, r => [cell(r.item), cell(r.label), cell(`${r.purchases} times`),
      cell(`${r.intervalDays} days (± ${r.spreadDays})`), cell(r.lastDate), cell(r.nextExpected)],
      "None yet: an item bought at least three times at a regular interval shows here.");
    fillTable("merchants", profile.byMerchant, m => [cell(m.merchant), cell(String(m.orders)),
      cell(money(m.amount, m.currency), "amount")], "No orders found yet.");
    fillTable("categories", profile.byCategory, c => [cell(c.label), cell(money(c.amount, c.currency), "amount")],
      "No orders found yet.");
    fillTable("months", profile.byMonth, m => [cell(m.month), cell(String(m.orders)),
      cell(money(m.amount, m.currency), "amount")], "No orders found yet.");
    const cancelled = profile.cancelledOrders > 0
      ? ` ${profile.cancelledOrders} cancelled or returned (not counted as spend).` : "";
    document.getElementById("status").textContent = `${profile.orders} orders.${cancelled}`;
  } catch (e) {
    document.getElementById("status").textContent = e.message;
  }
}

load();
