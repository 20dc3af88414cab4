package org.passerelle.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.passerelle.core.config.ConfigException;
import org.passerelle.core.config.ConfigLoader;

class MailOptionsTest {
    private static MailOptions parse(String yaml) {
        return ConfigLoader.moduleOptions(ConfigLoader.parse(yaml, "test"), "mail", MailOptions.class);
    }

    @Test
    void offByDefaultWithDocumentedDefaults() {
        MailOptions o = parse("");
        assertThat(o.enabled()).isFalse();
        assertThat(o.batchSeconds()).isEqualTo(300);
        assertThat(o.replies()).isNull();
        MailOptions on = parse("modules: {mail: {enabled: true, relay: {host: smtp.example.org, from: a@example.org},"
                + " replies: {domain: mail.example.org, port: 2525}}}");
        assertThat(on.relay().port()).isEqualTo(587);
        assertThat(on.relay().security()).isEqualTo("starttls");
        assertThat(on.replies().maxMessageBytes()).isEqualTo(1024 * 1024);
        assertThat(on.replies().listenHost()).isEqualTo("0.0.0.0");
        assertThat(on.relay().toString()).doesNotContain("password");
    }

    @Test
    void mistakesAreRefusedAtStart() {
        assertThatThrownBy(() -> parse("modules: {mail: {enabled: true}}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("relay");
        assertThatThrownBy(() -> parse("modules: {mail: {relay: {host: h, from: nobody}}}")).hasMessageContaining("relay.from");
        assertThatThrownBy(() -> parse("modules: {mail: {relay: {host: h, from: a@b, security: ssl}}}")).hasMessageContaining("security");
        assertThatThrownBy(() -> parse("modules: {mail: {relay: {host: h, from: a@b, username: u}}}")).hasMessageContaining("password");
        assertThatThrownBy(() -> parse("modules: {mail: {replies: {domain: mail.example.org}}}")).hasMessageContaining("replies.port");
        assertThatThrownBy(() -> parse("modules: {mail: {replies: {domain: 'not a domain', port: 25}}}")).hasMessageContaining("replies.domain");
        assertThatThrownBy(() -> parse("modules: {mail: {batchSeconds: 0}}")).hasMessageContaining("batchSeconds");
    }
}
