// Drives the bundled web client (Converse.js) in headless Chromium, one scenario per run:
//   chat    two users, already on each other's roster, log in from two browser contexts, chat both
//           ways, share an image through HTTP upload (XEP-0363), look at the admin console's
//           dashboard ($ADMIN_USER / $ADMIN_PASSWORD), and see each other's presence change
//           (away, then offline)
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
import { deflateSync } from "node:zlib";

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
async function openClient(browser, name, { acceptCertificate = false, locale = "en-US", expectedError = () => false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 700 }, ignoreHTTPSErrors: acceptCertificate, locale });
  context.setDefaultTimeout(STEP_TIMEOUT);
  await context.addInitScript(() => document.addEventListener("securitypolicyviolation",
    (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`)));
  const page = await context.newPage();
  const host = new URL(base).hostname; // both listeners: the HTTP page may send the browser to HTTPS
  // ... and the hosted domain: upload slots point at the HTTPS listener by the domain's name.
  const ours = (url) => /^(https?|wss?):/.test(url) && [host, DOMAIN].includes(new URL(url).hostname);
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
    if (ours(r.url()) && r.status() >= 400 && !expectedError(r)) problems.push(`${name}: ${r.status()} ${r.url()}`);
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

/** A PNG image of a diagonal band on a gradient, made here so that the test carries no binary file. */
function pngImage(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "ascii");
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const band = Math.abs(x - y * 1.5) < 6;
      rows.set(band ? [255, 255, 255] : [20, 100 + Math.floor((x * 150) / width), 160 + Math.floor((y * 90) / height)],
        y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB
  return Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

/** Shares an image in the chat with {@code jid} through the toolbar's upload button (XEP-0363). */
async function shareImage(page, jid, name) {
  await chat(page, jid).locator("input.fileupload").setInputFiles({ name, mimeType: "image/png", buffer: pngImage(96, 64) });
  step(`shared ${name} with ${jid}`);
}

/** Waits until the chat with {@code jid} shows the shared image, loaded from the server. */
async function expectImage(page, jid, name) {
  const image = chat(page, jid).locator(`img.chat-image[src*="/upload/"][src$="/${name}"]`);
  await image.waitFor();
  await page.waitForFunction((img) => img.complete && img.naturalWidth === 96, await image.elementHandle());
  step(`shown in the chat with ${jid}: the image ${name} from ${new URL(await image.getAttribute("src")).origin}`);
}

/** Logs the administrator into the console at /admin and waits for the dashboard's figures. */
async function adminDashboard(browser, pages, onlineUsers) {
  // The console asks whether it has a session before showing the login form: 401 until it has.
  const page = await openClient(browser, "admin", {
    expectedError: (r) => r.status() === 401 && new URL(r.url()).pathname === "/admin/session" && r.request().method() === "GET",
  });
  pages.push(page);
  await page.goto(new URL("/admin", base).toString());
  await page.locator("[data-test=login-jid]").fill(`${process.env.ADMIN_USER}@${DOMAIN}`);
  await page.locator("[data-test=login-password]").fill(process.env.ADMIN_PASSWORD);
  await page.locator("[data-test=login-submit]").click();
  await page.locator("[data-test=dashboard]").waitFor();
  await page.locator("[data-test=stat-online-users]", { hasText: new RegExp(`^${onlineUsers}$`) }).waitFor();
  step(`the admin dashboard shows ${onlineUsers} online users, sessions: ${await page.locator("[data-test=stat-transports]").innerText()}`);
  await screenshot(page, "admin-dashboard");
  await page.context().close();
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
  // As people who accepted the server's certificate: shared files are on its HTTPS listener.
  const one = await openClient(browser, user1, { acceptCertificate: true });
  const two = await openClient(browser, user2, { acceptCertificate: true });
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

  await shareImage(one, jid2, "band.png");
  await expectImage(two, jid1, "band.png");
  await expectImage(one, jid2, "band.png");
  await screenshot(two, `shared-image-${user2}`);

  await adminDashboard(browser, pages, 2);

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
