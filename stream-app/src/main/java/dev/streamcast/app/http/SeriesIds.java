package dev.streamcast.app.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Series ids in URL paths: percent-decoded as UTF-8 (a '+' stays a '+', unlike form decoding), then checked
 * against the contract's key rule (non-empty, at most 256 bytes). Any id the stream accepts can be asked for, control
 * characters included (percent-encoded: {@code /series/tab%09key}), since {@code /series?q=} lists such ids too.
 */
final class SeriesIds {

    static final int MAX_BYTES = 256;

    private SeriesIds() {
    }

    /** The decoded id, or null when the raw path segment is not a valid series id. */
    static String decode(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_BYTES * 3) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7f) {
                int cp = raw.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp) - 1;
            } else {
                bytes.write(c);
            }
        }
        byte[] b = bytes.toByteArray();
        if (b.length == 0 || b.length > MAX_BYTES) {
            return null;
        }
        String id;
        try {
            id = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        return id;
    }

    /** The id percent-encoded for a path segment (every byte outside unreserved characters escaped). */
    static String encode(String id) {
        StringBuilder sb = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
