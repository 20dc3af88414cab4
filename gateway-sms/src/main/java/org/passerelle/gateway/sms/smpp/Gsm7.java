package org.passerelle.gateway.sms.smpp;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet and its extension table, as SMPP carries it with data_coding 0:
 * one septet per octet (unpacked). An extension character costs two septets (escape + code).
 */
public final class Gsm7 {
    private static final String BASIC = "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5"
            + "\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u001b\u00c6\u00e6\u00df\u00c9"
            + " !\"#\u00a4%&'()*+,-./0123456789:;<=>?"
            + "\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7"
            + "\u00bfabcdefghijklmnopqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0";
    /** Extension characters and their codes after the escape (0x1B). */
    private static final String EXT_CHARS = "\f^{}\\[~]|\u20ac";
    private static final byte[] EXT_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
    static final int ESCAPE = 0x1B;

    static {
        if (BASIC.length() != 128) throw new IllegalStateException("GSM basic table has " + BASIC.length() + " characters");
    }

    private Gsm7() {
    }

    /** Septets the text takes, or -1 when a character is not in the GSM alphabet. */
    public static int septets(CharSequence text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != ESCAPE && BASIC.indexOf(ch) >= 0) n++;
            else if (EXT_CHARS.indexOf(ch) >= 0) n += 2;
            else return -1;
        }
        return n;
    }

    public static boolean encodable(CharSequence text) {
        return septets(text) >= 0;
    }

    /** Unpacked septets; the text must be {@link #encodable}. */
    public static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            int basic = ch == ESCAPE ? -1 : BASIC.indexOf(ch);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int ext = EXT_CHARS.indexOf(ch);
            if (ext < 0) throw new IllegalArgumentException("not in the GSM alphabet: U+" + Integer.toHexString(ch));
            out.write(ESCAPE);
            out.write(EXT_CODES[ext]);
        }
        return out.toByteArray();
    }

    /** Reads unpacked septets; unknown escapes read as a space (03.38), other bits above 7 are ignored. */
    public static String decode(byte[] septets, int offset) {
        StringBuilder sb = new StringBuilder(septets.length - offset);
        for (int i = offset; i < septets.length; i++) {
            int s = septets[i] & 0x7F;
            if (s != ESCAPE) {
                sb.append(BASIC.charAt(s));
                continue;
            }
            if (++i >= septets.length) break;
            int code = septets[i] & 0x7F;
            char ext = ' ';
            for (int k = 0; k < EXT_CODES.length; k++) if (EXT_CODES[k] == code) ext = EXT_CHARS.charAt(k);
            sb.append(ext);
        }
        return sb.toString();
    }
}
