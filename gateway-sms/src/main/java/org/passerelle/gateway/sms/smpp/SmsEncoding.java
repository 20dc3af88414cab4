package org.passerelle.gateway.sms.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a text into the short messages that carry it: GSM 7-bit when every character is in the
 * GSM alphabet, UCS-2 otherwise; one message up to 160 septets (70 UCS-2 characters), else
 * parts of 153 septets (67 characters) each behind a concatenation header (UDH, 8-bit
 * reference). An escape pair or a surrogate pair is never cut between two parts.
 */
public final class SmsEncoding {
    public static final byte DATA_CODING_GSM = 0x00;
    public static final byte DATA_CODING_UCS2 = 0x08;
    private static final int GSM_SINGLE = 160;
    private static final int GSM_PART = 153;
    private static final int UCS2_SINGLE = 70;
    private static final int UCS2_PART = 67;

    /** The encoded text: data_coding and each short_message (with its UDH when there are several). */
    public record Encoded(byte dataCoding, List<byte[]> parts) {
        public boolean concatenated() {
            return parts.size() > 1;
        }
    }

    /** The text needs more parts than allowed. */
    public static final class TooLongException extends Exception {
        public TooLongException(int parts, int max) {
            super("text needs " + parts + " SMS parts, the limit is " + max);
        }
    }

    private SmsEncoding() {
    }

    /** How many parts the text needs. */
    public static int parts(String text) {
        return chunks(text).size();
    }

    public static Encoded encode(String text, int maxParts, int reference) throws TooLongException {
        List<String> chunks = chunks(text);
        if (chunks.size() > maxParts) throw new TooLongException(chunks.size(), maxParts);
        boolean gsm = Gsm7.encodable(text);
        List<byte[]> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = gsm ? Gsm7.encode(chunks.get(i)) : chunks.get(i).getBytes(StandardCharsets.UTF_16BE);
            if (chunks.size() == 1) {
                parts.add(body);
                continue;
            }
            byte[] withHeader = new byte[6 + body.length];
            withHeader[0] = 0x05; // UDH length
            withHeader[1] = 0x00; // IE: concatenated short messages, 8-bit reference
            withHeader[2] = 0x03;
            withHeader[3] = (byte) reference;
            withHeader[4] = (byte) chunks.size();
            withHeader[5] = (byte) (i + 1);
            System.arraycopy(body, 0, withHeader, 6, body.length);
            parts.add(withHeader);
        }
        return new Encoded(gsm ? DATA_CODING_GSM : DATA_CODING_UCS2, parts);
    }

    /** The texts of each part, cut by the alphabet's part size. */
    static List<String> chunks(String text) {
        boolean gsm = Gsm7.encodable(text);
        int single = gsm ? GSM_SINGLE : UCS2_SINGLE;
        int part = gsm ? GSM_PART : UCS2_PART;
        if (units(text, gsm) <= single) return List.of(text);
        List<String> out = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            int cost = gsm ? Gsm7.septets(text.substring(i, i + len)) : len;
            if (used + cost > part) {
                out.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += cost;
            i += len;
        }
        out.add(text.substring(start));
        return out;
    }

    private static int units(String text, boolean gsm) {
        return gsm ? Gsm7.septets(text) : text.length();
    }

    /**
     * The text of a received short message; null when its coding is binary or unknown. A UDH, if
     * flagged, is skipped.
     */
    public static String decode(byte dataCoding, byte[] message, boolean udhi) {
        int offset = udhi && message.length > 0 ? (message[0] & 0xFF) + 1 : 0;
        if (offset > message.length) return null;
        return switch (dataCoding & 0xFF) {
            case 0x00 -> Gsm7.decode(message, offset);
            case 0x01 -> new String(message, offset, message.length - offset, StandardCharsets.US_ASCII);
            case 0x03 -> new String(message, offset, message.length - offset, StandardCharsets.ISO_8859_1);
            case 0x08 -> new String(message, offset, message.length - offset, StandardCharsets.UTF_16BE);
            default -> null;
        };
    }

    /** The concatenation header of a received part as {reference, total, sequence}, or null. */
    public static int[] concatenation(byte[] message, boolean udhi) {
        if (!udhi || message.length == 0) return null;
        int udhl = message[0] & 0xFF;
        for (int i = 1; i + 1 < udhl + 1 && i + 1 < message.length; ) {
            int iei = message[i] & 0xFF;
            int len = message[i + 1] & 0xFF;
            if (iei == 0x00 && len == 3 && i + 4 < message.length) {
                return new int[] {message[i + 2] & 0xFF, message[i + 3] & 0xFF, message[i + 4] & 0xFF};
            }
            if (iei == 0x08 && len == 4 && i + 5 < message.length) {
                return new int[] {((message[i + 2] & 0xFF) << 8) | (message[i + 3] & 0xFF), message[i + 4] & 0xFF, message[i + 5] & 0xFF};
            }
            i += 2 + len;
        }
        return null;
    }
}
