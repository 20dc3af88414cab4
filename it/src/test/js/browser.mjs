// Drives the bundled web client (Converse.js) in headless Chromium, one scenario per run:
//   chat    two users, already on each other's roster, log in from two browser contexts, chat both
//           ways and see each other's presence change (away, then offline)
//   secure  the default setup (tls.required): the plain HTTP page sends the browser on to HTTPS,
//           where the user, having accepted the self-signed certificate, logs in over wss://
// Usage: node browser.mjs SCENARIO BASE_URL OUT_DIR USER PASSWORD [USER2 PASSWORD2]
//   BASE_URL  the server's web client on plain HTTP, e.g. http://127.0.0.1:5280/
//   OUT_DIR   where the screenshots go (created)
// Chromium: $CHROMIUM, or /usr/bin/chromium (Debian's package; playwright-core brings no browser).
// Prints one line per step; exits 0 when every step passed, 1 otherwise.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [scenario, base, outDir, user1, password1, user2, password2] = process.argv.slice(2);
const DOMAIN = "localhost";
const STEP_TIMEOUT = 10_000;
// Without the background-networking flags Chromium keeps calling Google's hosts, which this
// sandbox refuses; the sandbox itself needs --no-sandbox when running as root.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const problems = []; // CSP violations, failed requests, requests elsewhere: the page must have none
// ... but for Converse's sponsor logos on its login page, which our Content-Security-Policy blocks.
const EXPECTED_BLOCKED = "https://conversejs.org/media/logos/";

function step(text) {
  console.log(`step: ${text}`);
}

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 20_000,
  });
}

/**
 * A fresh browser context (its own storage: a second person on another machine) on the web client.
 * acceptCertificate: as a person who accepted the server's self-signed certificate;
 * locale: the browser's language (Converse loads its translation from the server).
 */
async function openClient(browser, name, { acceptCertificate = false, locale = "en-US" } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 700 }, ignoreHTTPSErrors: acceptCertificate, locale });
  context.setDefaultTimeout(STEP_TIMEOUT);
  await context.addInitScript(() => document.addEventListener("securitypolicyviolation",
    (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`)));
  const page = await context.newPage();
  const host = new URL(base).hostname; // both listeners: the HTTP page may send the browser to HTTPS
  const ours = (url) => /^(https?|wss?):/.test(url) && new URL(url).hostname === host;
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().includes(EXPECTED_BLOCKED)) console.log(`${name} console: ${m.text()}`);
    if (m.text().startsWith("CSP violation") && !m.text().includes(EXPECTED_BLOCKED)) problems.push(`${name}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${name}: page error ${e.message}`));
  page.on("request", (r) => {
    if (/^(https?|wss?):/.test(r.url()) && !ours(r.url()) && !r.url().startsWith(EXPECTED_BLOCKED)) problems.push(`${name}: request to ${r.url()}`);
  });
  page.on("requestfailed", (r) => { // aborted: a closing page's own doing, not a fault
    if (!r.url().startsWith(EXPECTED_BLOCKED) && r.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`${name}: ${r.url()} failed: ${r.failure()?.errorText}`);
  });
  page.fetched = []; // our URLs answered 200 or 304
  page.on("response", (r) => {
    if (ours(r.url()) && r.status() >= 400) problems.push(`${name}: ${r.status()} ${r.url()}`);
    else if (ours(r.url())) page.fetched.push(new URL(r.url()).pathname);
  });
  page.websockets = [];
  page.on("websocket", (ws) => page.websockets.push(ws.url()));
  await page.goto(base);
  return page;
}

/** Logs in with the login form and waits for the roster. */
async function login(page, user, password) {
  await page.locator("#converse-login-jid").fill(user);
  await page.locator("#converse-login-password").fill(password);
  await page.locator("#converse-login button[type=submit]").click();
  await page.locator("converse-roster").waitFor();
  const ws = page.websockets.find((u) => u.endsWith("/xmpp-websocket"));
  if (!ws) throw new Error(`${user} did not connect over WebSocket: ${page.websockets}`);
  step(`${user} logged in over ${ws}`);
}

function contact(page, jid) {
  return page.locator(`converse-roster a.open-chat[data-jid="${jid}"]`);
}

/** Waits until the roster shows the contact with the given presence: online, away, dnd, xa or offline. */
async function expectPresence(page, jid, show) {
  await contact(page, jid).locator(`.contact-name--${show}`).waitFor();
  step(`${jid} is ${show} in the roster`);
}

async function openChat(page, jid) {
  await contact(page, jid).click();
  await chat(page, jid).locator("textarea.chat-textarea").waitFor();
}

function chat(page, jid) {
  return page.locator(`converse-chat[jid="${jid}"]`);
}

async function sendMessage(page, jid, text) {
  const input = chat(page, jid).locator("textarea.chat-textarea");
  await input.fill(text);
  await input.press("Enter");
  step(`sent to ${jid}: ${text}`);
}

async function expectMessage(page, jid, text) {
  await chat(page, jid).locator(".chat-msg__text", { hasText: text }).waitFor();
  step(`shown in the chat with ${jid}: ${text}`);
}

/** Sets the user's own presence through the profile's status form. */
async function setStatus(page, show, message) {
  await page.locator("converse-user-profile a.change-status").click();
  const form = page.locator("form#set-xmpp-status");
  await form.locator(`input[name=chat_status][value=${show}]`).check();
  await form.locator("input[name=status_message]").fill(message);
  await form.locator("button[type=submit]").click();
  await page.getByText("Status updated").waitFor();
  await page.keyboard.press("Escape"); // the profile modal stays open after saving
  await form.waitFor({ state: "hidden" });
  step(`set own status: ${show} (${message})`);
}

async function screenshot(page, name) {
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`screenshot: ${file}`);
}

/** Two contacts chat both ways, then the second goes away and offline. */
async function chatScenario(browser, pages) {
  const jid1 = `${user1}@${DOMAIN}`;
  const jid2 = `${user2}@${DOMAIN}`;
  const one = await openClient(browser, user1);
  const two = await openClient(browser, user2);
  pages.push(one, two);
  await one.locator("#converse-login-jid").waitFor();
  await screenshot(one, "login");
  await login(one, jid1, password1);
  await login(two, jid2, password2);
  await expectPresence(one, jid2, "online");
  await expectPresence(two, jid1, "online");

  await openChat(one, jid2);
  await openChat(two, jid1);
  await sendMessage(one, jid2, `Hello ${user2}, from a browser`);
  await expectMessage(two, jid1, `Hello ${user2}, from a browser`);
  await sendMessage(two, jid1, `Hi ${user1}, received`);
  await expectMessage(one, jid2, `Hi ${user1}, received`);
  await screenshot(one, `chat-${user1}`);
  await screenshot(two, `chat-${user2}`);
  // Converse reads its emoji table (assets_path) to parse every message.
  const emoji = two.fetched.find((p) => p.endsWith("/emoji.json"));
  if (!emoji) throw new Error(`emoji.json was not loaded: ${two.fetched}`);
  step(`emoji table loaded from ${emoji}`);

  await setStatus(two, "away", "back soon");
  await expectPresence(one, jid2, "away");
  await screenshot(one, `roster-${user2}-away`);
  await two.context().close(); // the second user closes the browser: offline
  await expectPresence(one, jid2, "offline");
  await screenshot(one, `roster-${user2}-offline`);
}

/** http://host:port/ goes on to https://, where the login runs over wss://; in German, for once. */
async function secureScenario(browser, pages) {
  const page = await openClient(browser, user1, { acceptCertificate: true, locale: "de-DE" });
  pages.push(page);
  await page.waitForURL(/^https:/);
  step(`sent on to ${page.url()}`);
  await page.locator("#converse-login button[type=submit]", { hasText: "Anmelden" }).waitFor();
  step("the login form is in German");
  await login(page, `${user1}@${DOMAIN}`, password1);
  if (!page.websockets.some((u) => u.startsWith("wss://"))) throw new Error(`not over wss://: ${page.websockets}`);
  await screenshot(page, `secure-${user1}`);
}

const SCENARIOS = { chat: chatScenario, secure: secureScenario };

async function main() {
  if (!SCENARIOS[scenario]) throw new Error(`unknown scenario ${scenario}; known: ${Object.keys(SCENARIOS)}`);
  mkdirSync(outDir, { recursive: true });
  const browser = await launch();
  const pages = [];
  try {
    await SCENARIOS[scenario](browser, pages);
    if (problems.length) throw new Error(`the page had problems:\n  ${problems.join("\n  ")}`);
    step("done");
  } catch (e) {
    for (const [i, page] of pages.entries()) {
      if (!page.isClosed()) await screenshot(page, `failure-${scenario}-${i + 1}`).catch(() => {});
    }
    throw e;
  } finally {
    await browser.close();
  }
}

const timer = setTimeout(() => {
  console.error("browser: timed out");
  process.exit(1);
}, 55_000);
main().then(() => {
  clearTimeout(timer);
  process.exit(0);
}, (e) => {
  console.error(`browser: ${e.stack || e}`);
  process.exit(1);
});
