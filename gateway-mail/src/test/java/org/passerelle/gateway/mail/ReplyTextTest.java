package org.passerelle.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTest {
    @Test
    void quotedLinesAttributionAndSignatureAreLeftOut() {
        String mail = """
                Sounds good, see you at 8.\r
                Bring the map.\r
                \r
                On Thu, 26 Nov 2026 at 08:00, Passerelle <noreply@example.org> wrote:\r
                > From bob@example.org:\r
                >   dinner tonight?\r
                """;
        assertThat(ReplyText.strip(mail)).isEqualTo("Sounds good, see you at 8.\nBring the map.");
    }

    @Test
    void aWrappedAttributionAndInterleavedQuotesAreHandled() {
        String mail = """
                > dinner tonight?
                Yes!
                > where?
                At Luigi's.

                On Thu, 26 Nov 2026 at 08:00, A Very Long Sender Name <noreply@example.org>
                wrote:
                > old text
                """;
        assertThat(ReplyText.strip(mail)).isEqualTo("Yes!\nAt Luigi's.");
    }

    @Test
    void aSignatureEndsTheText() {
        assertThat(ReplyText.strip("ok\n-- \nAlice\nSent from my phone")).isEqualTo("ok");
        assertThat(ReplyText.strip("ok\n--\nAlice")).isEqualTo("ok");
        assertThat(ReplyText.strip("a -- b\nc")).as("dashes inside a line are text").isEqualTo("a -- b\nc");
    }

    @Test
    void otherClientsSeparatorsAndLanguagesEndTheText() {
        assertThat(ReplyText.strip("fine\n-----Original Message-----\nFrom: x")).isEqualTo("fine");
        assertThat(ReplyText.strip("fine\n________________________________\nFrom: x")).isEqualTo("fine");
        assertThat(ReplyText.strip("d'accord\nLe jeu. 26 nov. 2026 à 08:00, Bob a écrit :\n> salut")).isEqualTo("d'accord");
        assertThat(ReplyText.strip("ja\nAm 26.11.2026 um 08:00 schrieb Bob:\n> hallo")).isEqualTo("ja");
    }

    @Test
    void onlyQuotesLeavesNothing() {
        assertThat(ReplyText.strip("> a\n> b\n\n")).isEmpty();
    }

    @Test
    void htmlBecomesTextWithoutTheQuotedBlock() {
        String html = """
                <html><head><style>p{color:red}</style></head><body>
                <div>Tom &amp; Jerry&nbsp;&lt;3 &#233;t&#xE9;</div><div>second<br>line</div>
                <blockquote type="cite">old <blockquote>older</blockquote> text</blockquote>
                <script>alert(1)</script></body></html>""";
        assertThat(ReplyText.strip(ReplyText.fromHtml(html))).isEqualTo("Tom & Jerry <3 été\nsecond\nline");
    }
}
