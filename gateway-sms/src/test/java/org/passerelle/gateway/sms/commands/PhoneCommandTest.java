package org.passerelle.gateway.sms.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneCommandTest {
    @Test
    void aNumberThenTextAnswersThatContact() {
        assertThat(PhoneCommand.parse("1 Hello there")).isEqualTo(new PhoneCommand.Reply(1, "Hello there"));
        assertThat(PhoneCommand.parse("  12   multi\nline ")).isEqualTo(new PhoneCommand.Reply(12, "multi\nline"));
        assertThat(PhoneCommand.parse("1")).as("no text").isEqualTo(new PhoneCommand.Help(true));
    }

    @Test
    void anAtSignWritesToAnyone() {
        assertThat(PhoneCommand.parse("@bob@example.org see you")).isEqualTo(new PhoneCommand.Write("bob@example.org", "see you"));
        assertThat(PhoneCommand.parse("@bob@example.org")).isEqualTo(new PhoneCommand.Help(true));
    }

    @Test
    void keywordsInAnyCase() {
        assertThat(PhoneCommand.parse("?")).isEqualTo(new PhoneCommand.Status());
        assertThat(PhoneCommand.parse("status")).isEqualTo(new PhoneCommand.Status());
        assertThat(PhoneCommand.parse("Add carol@example.org")).isEqualTo(new PhoneCommand.Add("carol@example.org"));
        assertThat(PhoneCommand.parse("DEL 3")).isEqualTo(new PhoneCommand.Del(3));
        assertThat(PhoneCommand.parse("on")).isEqualTo(new PhoneCommand.On());
        assertThat(PhoneCommand.parse("OFF")).isEqualTo(new PhoneCommand.Off());
        assertThat(PhoneCommand.parse("Stop")).isEqualTo(new PhoneCommand.Stop());
        assertThat(PhoneCommand.parse("HELP")).isEqualTo(new PhoneCommand.Help(false));
    }

    @Test
    void anythingElseGetsTheHelp() {
        assertThat(PhoneCommand.parse("hello")).isEqualTo(new PhoneCommand.Help(true));
        assertThat(PhoneCommand.parse("DEL x")).isEqualTo(new PhoneCommand.Help(true));
        assertThat(PhoneCommand.parse("ADD")).isEqualTo(new PhoneCommand.Help(true));
        assertThat(PhoneCommand.parse("ON now")).isEqualTo(new PhoneCommand.Help(true));
        assertThat(PhoneCommand.parse("")).isEqualTo(new PhoneCommand.Help(true));
        assertThat(PhoneCommand.parse("\u263a")).isEqualTo(new PhoneCommand.Help(true));
    }
}
