package org.passerelle.gateway.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsEncodingTest {
    @Test
    void gsmTextsUseOneSeptetPerCharacterAndTwoForExtensions() {
        assertThat(Gsm7.septets("Hello @ \u00e9t\u00e9")).isEqualTo(11);
        assertThat(Gsm7.septets("{\u20ac}")).as("escape + code each").isEqualTo(6);
        assertThat(Gsm7.septets("\u263a")).isEqualTo(-1);
        assertThat(Gsm7.encode("@A{")).containsExactly(0x00, 0x41, 0x1B, 0x28);
        String all = "Gr\u00fc\u00dfe [\u20ac10] {x} ~|^\\ \u00bfQu\u00e9? \u00a3$\u00a5\u03a9";
        assertThat(Gsm7.decode(Gsm7.encode(all), 0)).isEqualTo(all);
    }

    @Test
    void aShortGsmTextIsOnePartWithoutHeader() throws Exception {
        String text = "x".repeat(160);
        SmsEncoding.Encoded e = SmsEncoding.encode(text, 4, 7);
        assertThat(e.dataCoding()).isEqualTo(SmsEncoding.DATA_CODING_GSM);
        assertThat(e.parts()).hasSize(1);
        assertThat(e.parts().getFirst()).hasSize(160);
        assertThat(e.concatenated()).isFalse();
    }

    @Test
    void aLongGsmTextIsCutIn153SeptetPartsWithConcatenationHeaders() throws Exception {
        String text = "y".repeat(161);
        SmsEncoding.Encoded e = SmsEncoding.encode(text, 4, 0x2A);
        assertThat(e.parts()).hasSize(2);
        assertThat(e.parts().get(0)).startsWith(0x05, 0x00, 0x03, 0x2A, 0x02, 0x01).hasSize(6 + 153);
        assertThat(e.parts().get(1)).startsWith(0x05, 0x00, 0x03, 0x2A, 0x02, 0x02).hasSize(6 + 8);
        assertThat(SmsEncoding.concatenation(e.parts().get(1), true)).containsExactly(0x2A, 2, 2);
        String back = SmsEncoding.decode(e.dataCoding(), e.parts().get(0), true) + SmsEncoding.decode(e.dataCoding(), e.parts().get(1), true);
        assertThat(back).isEqualTo(text);
    }

    @Test
    void anEscapePairIsNeverCutBetweenParts() {
        String text = "a".repeat(152) + "\u20ac" + "b".repeat(20);
        List<String> chunks = SmsEncoding.chunks(text);
        assertThat(chunks.get(0)).isEqualTo("a".repeat(152)).as("the euro would need septets 153 and 154");
        assertThat(chunks.get(1)).startsWith("\u20ac");
    }

    @Test
    void oneCharacterOutsideGsmMakesTheWholeTextUcs2() throws Exception {
        String text = "Hello \u263a";
        SmsEncoding.Encoded e = SmsEncoding.encode(text, 4, 0);
        assertThat(e.dataCoding()).isEqualTo(SmsEncoding.DATA_CODING_UCS2);
        assertThat(e.parts().getFirst()).isEqualTo(text.getBytes(StandardCharsets.UTF_16BE));
        assertThat(SmsEncoding.parts("\u0416".repeat(70))).isEqualTo(1);
        assertThat(SmsEncoding.parts("\u0416".repeat(71))).isEqualTo(2);
        assertThat(SmsEncoding.parts("\u0416".repeat(134))).isEqualTo(2);
        assertThat(SmsEncoding.parts("\u0416".repeat(135))).isEqualTo(3);
    }

    @Test
    void aSurrogatePairIsNeverCutBetweenUcs2Parts() {
        String text = "\u0416".repeat(66) + "\ud83d\ude00" + "\u0416".repeat(10);
        List<String> chunks = SmsEncoding.chunks(text);
        assertThat(chunks.get(0)).isEqualTo("\u0416".repeat(66));
        assertThat(chunks.get(1)).startsWith("\ud83d\ude00");
        assertThat(String.join("", chunks)).isEqualTo(text);
    }

    @Test
    void textsOverTheLimitAreRefused() {
        assertThatThrownBy(() -> SmsEncoding.encode("z".repeat(153 * 3 + 1), 3, 0))
                .isInstanceOf(SmsEncoding.TooLongException.class).hasMessageContaining("4 SMS parts, the limit is 3");
    }

    @Test
    void receivedCodingsAreReadAndBinaryRefused() {
        assertThat(SmsEncoding.decode((byte) 0x00, Gsm7.encode("Hi \u00e9"), false)).isEqualTo("Hi \u00e9");
        assertThat(SmsEncoding.decode((byte) 0x03, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), false)).isEqualTo("caf\u00e9");
        assertThat(SmsEncoding.decode((byte) 0x08, "\u263a".getBytes(StandardCharsets.UTF_16BE), false)).isEqualTo("\u263a");
        assertThat(SmsEncoding.decode((byte) 0x04, new byte[] {1, 2}, false)).as("8-bit binary").isNull();
        assertThat(SmsEncoding.decode((byte) 0x00, new byte[] {9, 0, 3}, true)).as("UDH longer than the message").isNull();
    }
}
