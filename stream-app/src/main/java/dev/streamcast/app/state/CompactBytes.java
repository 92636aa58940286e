package dev.streamcast.app.state;

import org.apache.kafka.common.errors.SerializationException;

import java.nio.ByteBuffer;

/**
 * The compact pieces of the series-state format: integers as zigzag varints (a count of 9 takes one byte, not four)
 * and arrays of doubles as a bitmap of their non-zero elements followed by just those (a young series' bank and
 * error model are half zeros). Lossless: "zero" means the bits of +0.0, so -0.0 and NaN are kept as they are.
 */
final class CompactBytes {

    private CompactBytes() {
    }

    /** Bytes a varint or sparse array may take at most, for sizing a buffer before writing. */
    static final int MAX_VARINT = 5;
    static final int MAX_VARLONG = 10;

    static int maxSparse(int n) {
        return (n + 7) / 8 + 8 * n;
    }

    static void putVarint(ByteBuffer b, int v) {
        int z = (v << 1) ^ (v >> 31);
        while ((z & ~0x7F) != 0) {
            b.put((byte) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        b.put((byte) z);
    }

    static void putVarlong(ByteBuffer b, long v) {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            b.put((byte) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        b.put((byte) z);
    }

    static int getVarint(ByteBuffer b) {
        long z = getUnsigned(b, 5);
        if (z >>> 32 != 0) {
            throw new SerializationException("corrupt series-state record: varint out of range");
        }
        int u = (int) z;
        return (u >>> 1) ^ -(u & 1);
    }

    static long getVarlong(ByteBuffer b) {
        long z = getUnsigned(b, 10);
        return (z >>> 1) ^ -(z & 1);
    }

    private static long getUnsigned(ByteBuffer b, int maxBytes) {
        long z = 0;
        for (int i = 0; i < maxBytes; i++) {
            int x = b.get();
            z |= (long) (x & 0x7F) << (7 * i);
            if ((x & 0x80) == 0) {
                return z;
            }
        }
        throw new SerializationException("corrupt series-state record: varint longer than " + maxBytes + " bytes");
    }

    /** The first {@code n} of {@code a}: which are non-zero (a bit each), then those values. */
    static void putSparse(ByteBuffer b, double[] a, int n) {
        int bitmap = b.position();
        int values = bitmap + (n + 7) / 8;
        for (int i = 0; i < n; i += 8) {
            int bits = 0;
            for (int j = i; j < Math.min(n, i + 8); j++) {
                long x = Double.doubleToRawLongBits(a[j]);
                if (x != 0L) {
                    bits |= 1 << (j - i);
                    b.putLong(values, x);
                    values += 8;
                }
            }
            b.put(bitmap + i / 8, (byte) bits);
        }
        b.position(values);
    }

    /** Into the first {@code n} of {@code a} (whose other elements are left as they are, zeros when new). */
    static void getSparse(ByteBuffer b, double[] a, int n) {
        int bitmapBytes = (n + 7) / 8;
        if (bitmapBytes > b.remaining()) {
            throw new SerializationException("corrupt series-state record: " + n + " elements with " + b.remaining()
                    + " bytes left");
        }
        int bitmap = b.position();
        int nonZero = 0;
        for (int i = 0; i < bitmapBytes; i++) {
            nonZero += Integer.bitCount(b.get(bitmap + i) & 0xFF);
        }
        if (n % 8 != 0 && (b.get(bitmap + bitmapBytes - 1) & 0xFF) >>> (n % 8) != 0) {
            throw new SerializationException("corrupt series-state record: bitmap marks elements beyond " + n);
        }
        if ((long) nonZero * 8 > b.remaining() - bitmapBytes) {
            throw new SerializationException("corrupt series-state record: " + nonZero + " values with "
                    + (b.remaining() - bitmapBytes) + " bytes left");
        }
        int values = bitmap + bitmapBytes;
        for (int i = 0; i < n; i++) {
            if ((b.get(bitmap + i / 8) & (1 << (i & 7))) != 0) {
                a[i] = Double.longBitsToDouble(b.getLong(values));
                values += 8;
            } else {
                a[i] = 0.0;
            }
        }
        b.position(values);
    }
}
