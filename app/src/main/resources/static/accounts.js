// The mailboxes page: lists the signed-in user's mailboxes with their state, links an IMAP mailbox (the server's
// answer to the test login is shown as given), sets the consent per connector and unlinks. Every text that comes from
// the server or a mail server (names, errors, descriptions) is inserted with textContent, never as HTML.
"use strict";

const REFRESH_MS = 5000;

const STATES = {
  connecting: "Connecting to the server…",
  backfilling: "Reading the mail that is already there, oldest first.",
  idle: "Up to date; new mail is read as it arrives.",
  polling: "Up to date; checked for new mail every minute (the server does not push).",
  backoff: "The last attempt failed; trying again shortly.",
  auth_failed: "The server refused the login. Retried now and then; if the password changed, unlink and link again.",
  relink_required: "Mailsift can no longer sign in to this mailbox: link it again.",
  disabled: "Not read: no connector is enabled for it yet.",
};

function status(message) {
  document.getElementById("status").textContent = message;
}

function setText(root, selector, value) {
  root.querySelector(selector).textContent = value ?? "";
}

let lastSignature = null;

async function loadMailboxes() {
  const mailboxes = await call("GET", "/api/accounts");
  const signature = JSON.stringify(mailboxes.map(m => [m.id, m.name, m.state, m.lastError, m.watchedBy]));
  if (signature === lastSignature) return;
  lastSignature = signature;
  const open = new Set([...document.querySelectorAll(".mailbox details[open]")].map(d => d.dataset.account));
  const list = document.getElementById("mailboxes");
  list.replaceChildren(...mailboxes.map(m => renderMailbox(m, open.has(String(m.id)))));
  const current = document.getElementById("status").textContent;
  if (mailboxes.length === 0) status("No mailbox linked yet.");
  else if (current === "No mailbox linked yet." || current === "Loading…") status("");
}

function renderMailbox(mailbox, consentOpen) {
  const node = document.getElementById("mailbox-template").content.firstElementChild.cloneNode(true);
  node.classList.add(mailbox.state);
  setText(node, ".name", mailbox.name);
  setText(node, ".where", `${mailbox.username} on ${mailbox.host}`);
  setText(node, ".state", mailbox.state.replace("_", " "));
  setText(node, ".state-text", STATES[mailbox.state] ?? "");
  if (mailbox.watchedBy) {
    // Several app nodes share the mailboxes: which one holds this mailbox's lease (docs/operations.md); the API
    // names the node to admins only.
    const watchedBy = node.querySelector(".watched-by");
    watchedBy.textContent = `Watched by node ${mailbox.watchedBy}`;
    watchedBy.hidden = false;
  }
  if (mailbox.lastError) {
    const error = node.querySelector(".last-error");
    error.textContent = `Last error: ${mailbox.lastError}`;
    error.hidden = false;
  }
  if (mailbox.state === "relink_required" && mailbox.provider === "outlook") {
    const relink = node.querySelector(".relink");
    relink.href = `/link/outlook?account=${encodeURIComponent(mailbox.id)}`;
    relink.hidden = false;
  } else if (mailbox.state === "relink_required") {
    setText(node, ".state-text", "Mailsift can no longer sign in to this mailbox: unlink it and link it again "
      + "with its current app password.");
  }
  const unlink = node.querySelector(".unlink");
  if (mailbox.source === "config") {
    unlink.disabled = true;
    node.querySelector(".config-note").hidden = false;
    unlink.title = "Set up in the server's configuration: the operator removes it there.";
  } else {
    unlink.addEventListener("click", () => unlinkMailbox(mailbox));
  }
  const consent = node.querySelector("details.consent");
  consent.dataset.account = String(mailbox.id);
  consent.addEventListener("toggle", () => {
    if (consent.open) loadConnectors(mailbox.id, node.querySelector(".connectors"));
  });
  if (consentOpen || mailbox.state === "disabled") consent.open = true;
  return node;
}

async function loadConnectors(accountId, list) {
  try {
    const connectors = await call("GET", `/api/accounts/${accountId}/connectors`);
    list.replaceChildren(...connectors.map(c => renderConnector(accountId, c)));
  } catch (e) {
    list.replaceChildren(Object.assign(document.createElement("li"), { className: "error", textContent: e.message }));
  }
}

function renderConnector(accountId, connector) {
  const node = document.getElementById("connector-template").content.firstElementChild.cloneNode(true);
  setText(node, ".connector-name", connector.id);
  setText(node, ".reads", connector.reads === "headers"
    ? "reads headers only (sender, subject, date)"
    : "reads whole messages (text, HTML, attachments' names, calendar entries)");
  setText(node, ".description", connector.description);
  const box = node.querySelector("input[type=checkbox]");
  box.checked = connector.enabled;
  box.setAttribute("aria-label", `Let ${connector.id} read this mailbox`);
  box.addEventListener("change", async () => {
    box.disabled = true;
    try {
      if (box.checked) {
        await call("PUT", `/api/accounts/${accountId}/connectors/${encodeURIComponent(connector.id)}`);
        node.querySelector(".leftover").hidden = true;
      } else {
        const answer = await call("DELETE", `/api/accounts/${accountId}/connectors/${encodeURIComponent(connector.id)}`);
        offerDeletion(node, answer);
      }
      lastSignature = null;
      await loadMailboxes();
    } catch (e) {
      box.checked = !box.checked;
      status(e.message);
    } finally {
      box.disabled = false;
    }
  });
  return node;
}

function offerDeletion(node, answer) {
  if (!answer || answer.findings === 0) return;
  const leftover = node.querySelector(".leftover");
  setText(leftover, ".leftover-text", `It stopped. It found ${answer.findings} thing(s) in this mailbox before; keep them or `);
  const button = leftover.querySelector(".delete-findings");
  button.onclick = async () => {
    button.disabled = true;
    try {
      const result = await call("DELETE", answer.deleteFindings);
      setText(leftover, ".leftover-text", `Deleted ${result.deleted} finding(s).`);
      button.hidden = true;
    } catch (e) {
      status(e.message);
      button.disabled = false;
    }
  };
  leftover.hidden = false;
}

async function unlinkMailbox(mailbox) {
  const question = `Unlink ${mailbox.name}? Mailsift stops reading it and deletes its stored password or tokens, `
    + "its progress and everything its connectors found in it. Your mailbox itself is not changed.";
  if (!window.confirm(question)) return;
  try {
    await call("DELETE", `/api/accounts/${mailbox.id}`);
    lastSignature = null;
    await loadMailboxes();
    status(`${mailbox.name} was unlinked.`);
  } catch (e) {
    status(e.message);
  }
}

function setUpLinkForm() {
  const form = document.getElementById("link-form");
  const error = document.getElementById("link-error");
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const data = new FormData(form);
    const folders = String(data.get("folders") || "").split(",").map(f => f.trim()).filter(Boolean);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    error.hidden = true;
    status("Checking: logging in to the server…");
    try {
      const linked = await call("POST", "/api/accounts", {
        host: data.get("host"), port: data.get("port") ? Number(data.get("port")) : null,
        security: data.get("security"), username: data.get("username"), password: data.get("password"),
        folders, name: data.get("name") || null,
      });
      form.reset();
      lastSignature = null;
      await loadMailboxes();
      status(`${linked.name} is linked. Now choose which connectors may read it.`);
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      status("");
    } finally {
      form.querySelector("input[name=password]").value = "";
      button.disabled = false;
    }
  });
}

async function refresh() {
  try {
    await loadMailboxes();
  } catch (e) {
    status(e.message);
  }
  setTimeout(refresh, REFRESH_MS);
}

setUpLinkForm();
refresh();
