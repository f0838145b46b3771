// What the pages share to talk to the REST API: the CSRF header from the XSRF-TOKEN cookie (or meta tags), and
// call(), which sends JSON, turns an answer that is not OK into an Error with the server's message, and goes to
// the sign-in page on 401. Loaded before the page's own script.
"use strict";

// Spring Security's CSRF token, when the server uses one: from its cookie or a meta tag.
function csrfHeaders() {
  const meta = document.querySelector('meta[name="_csrf"]');
  const metaHeader = document.querySelector('meta[name="_csrf_header"]');
  if (meta && metaHeader) return { [metaHeader.content]: meta.content };
  const cookie = document.cookie.split("; ").find(c => c.startsWith("XSRF-TOKEN="));
  return cookie ? { "X-XSRF-TOKEN": decodeURIComponent(cookie.substring("XSRF-TOKEN=".length)) } : {};
}

async function call(method, url, body) {
  const headers = { Accept: "application/json", ...csrfHeaders() };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(url, {
    method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    window.location.assign("/signin");
    throw new Error("Please sign in again.");
  }
  const answer = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(answer && answer.message ? answer.message : `The server answered ${response.status}.`);
  }
  return answer;
}
