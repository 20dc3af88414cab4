// Starts the bundled Converse.js against this server. The server puts its settings in the page as a
// JSON block (#passerelle-settings); the endpoints come from the page's own address, so the same page
// works on HTTP and HTTPS, on any port and under any host name.
const settings = JSON.parse(document.getElementById('passerelle-settings').textContent);
const secure = location.protocol === 'https:';

function start(converse) {
  converse.initialize({
    assets_path: settings.assets,
    notification_icon: settings.assets + '/images/logo/conversejs-filled.svg',
    websocket_url: (secure ? 'wss://' : 'ws://') + location.host + '/xmpp-websocket',
    // Used only when the WebSocket fails (Converse then switches transport), and only if served.
    bosh_service_url: location.origin + '/http-bind',
    discover_connection_methods: false,
    default_domain: settings.domain,
    domain_placeholder: settings.domain,
    registration_domain: settings.domain,
    allow_registration: settings.registration,
    auto_reconnect: true,
    view_mode: 'fullscreen',
  });
}

if (window.converse) start(window.converse);
else window.addEventListener('converse-loaded', (e) => start(e.detail.converse), { once: true });
