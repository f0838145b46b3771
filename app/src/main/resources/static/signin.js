// Signs in with the form's user name and password. The page is a static file, so the CSRF token comes from the
// XSRF-TOKEN cookie and goes back as the X-XSRF-TOKEN header.
"use strict";

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : "";
}

function say(message) {
  document.getElementById("signin-message").textContent = message;
}

const params = new URLSearchParams(location.search);
if (params.has("error")) say("Wrong user name or password, or the sign-in was refused.");
if (params.has("signedout")) say("You are signed out.");

fetch("/signin/options", { cache: "no-store" })
  .then(r => r.ok ? r.json() : {})
  .then(options => { if (options.microsoft) document.getElementById("microsoft").hidden = false; })
  .catch(() => {});

document.getElementById("signin-form").addEventListener("submit", async event => {
  event.preventDefault();
  say("Signing in…");
  try {
    const response = await fetch("/signin", {
      method: "POST",
      headers: { "X-XSRF-TOKEN": csrfToken() },
      body: new URLSearchParams(new FormData(event.target)),
    });
    const landed = new URL(response.url);
    if (landed.pathname === "/signin" || landed.pathname === "/signin.html") {
      say("Wrong user name or password, or the sign-in was refused.");
      document.getElementById("password").value = "";
      return;
    }
    // Only ever a path on this site (the server checks it too).
    location.assign(landed.pathname + landed.search);
  } catch (e) {
    say("Cannot reach the Mailsift service (" + e.message + ").");
  }
});
// Until here a click on "Sign in" would post the form without its CSRF header; browser tests wait for this mark.
document.getElementById("signin-form").dataset.ready = "true";
