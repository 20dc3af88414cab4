// Logs in with xmpp.js (STARTTLS, SCRAM-SHA-1), sends one chat message to a peer, waits for the
// peer's reply and prints it. Exits 0 on success, 1 on any failure or after the time limit.
// Usage: node chat.mjs PORT|URL USER PASSWORD PEER_JID TEXT   (NODE_EXTRA_CA_CERTS points at the server's certificate)
// A port connects over TCP with STARTTLS; a ws:// URL over WebSocket.
import { client, xml } from "@xmpp/client";

// Node 22+ has a global WebSocket; older ones (Debian's Node 18, Node 20 without a flag) get the ws package's.
if (!globalThis.WebSocket) globalThis.WebSocket = (await import("ws")).WebSocket;

const [port, username, password, peer, text] = process.argv.slice(2);
const service = /^[0-9]+$/.test(port) ? `xmpp://127.0.0.1:${port}` : port;
const xmpp = client({ service, domain: "localhost", username, password, resource: "xmppjs" });
const timer = setTimeout(() => fail("timed out"), 20000);

function fail(why) {
  console.error(`xmppjs: ${why}`);
  process.exit(1);
}

xmpp.on("error", (err) => fail(err.message || String(err)));
xmpp.on("stanza", async (stanza) => {
  if (stanza.is("message") && stanza.getChildText("body")) {
    console.log(`received from ${stanza.attrs.from}: ${stanza.getChildText("body")}`);
    clearTimeout(timer);
    await xmpp.stop();
    process.exit(0);
  }
});
xmpp.on("online", async (address) => {
  console.log(`online as ${address.toString()}`);
  await xmpp.send(xml("presence"));
  await xmpp.send(xml("message", { to: peer, type: "chat" }, xml("body", {}, text)));
  console.log("sent");
});
xmpp.start().catch((err) => fail(err.message || String(err)));
