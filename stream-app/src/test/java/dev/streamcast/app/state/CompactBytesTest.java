package dev.streamcast.app.state;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompactBytesTest {

    @Test
    void varintsRoundTripAndSmallOnesTakeOneByte() {
        int[] ints = {0, 1, -1, 63, -64, 64, 1_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE};
        long[] longs = {0, -1, 1_700_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE};
        ByteBuffer b = ByteBuffer.allocate(200);
        for (int v : ints) {
            CompactBytes.putVarint(b, v);
        }
        for (long v : longs) {
            CompactBytes.putVarlong(b, v);
        }
        b.flip();
        for (int v : ints) {
            assertEquals(v, CompactBytes.getVarint(b));
        }
        for (long v : longs) {
            assertEquals(v, CompactBytes.getVarlong(b));
        }
        assertEquals(0, b.remaining());

        ByteBuffer one = ByteBuffer.allocate(10);
        CompactBytes.putVarint(one, 63);
        CompactBytes.putVarint(one, -64);
        assertEquals(2, one.position(), "zigzag: |v| < 64 in one byte");
        assertEquals(CompactBytes.MAX_VARINT, sizeOf(Integer.MIN_VALUE));
    }

    @Test
    void sparseArraysKeepEveryBitOfTheirNonZeros() {
        double[] a = {0.0, -0.0, Double.NaN, 0.0, 1e-300, 0.0, 0.0, 0.0, 0.0, 7.5};
        ByteBuffer b = ByteBuffer.allocate(CompactBytes.maxSparse(a.length)).order(ByteOrder.LITTLE_ENDIAN);
        CompactBytes.putSparse(b, a, a.length);
        assertEquals(2 + 4 * 8, b.position(), "two bitmap bytes and the four non-zeros");
        b.flip();
        double[] back = new double[a.length];
        java.util.Arrays.fill(back, 3.0); // every element is written, zeros too
        CompactBytes.getSparse(b, back, a.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(back[i]), "element " + i);
        }
        assertEquals(0, b.remaining());
    }

    @Test
    void refusesCorruptInput() {
        ByteBuffer endless = ByteBuffer.wrap(new byte[] {-1, -1, -1, -1, -1, -1});
        assertThrows(SerializationException.class, () -> CompactBytes.getVarint(endless), "more than 5 bytes");
        ByteBuffer tooBig = ByteBuffer.wrap(new byte[] {-1, -1, -1, -1, 0x1F});
        assertThrows(SerializationException.class, () -> CompactBytes.getVarint(tooBig), "beyond 32 bits");

        ByteBuffer beyond = ByteBuffer.wrap(new byte[] {0b0000_1000, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThrows(SerializationException.class, () -> CompactBytes.getSparse(beyond, new double[3], 3),
                "a bit set for element 3 of 3");
        ByteBuffer short1 = ByteBuffer.wrap(new byte[] {0b0000_0011, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThrows(SerializationException.class, () -> CompactBytes.getSparse(short1, new double[3], 3),
                "two values marked, one present");
        ByteBuffer ok = ByteBuffer.wrap(new byte[] {0b0000_0001, 0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x3F})
                .order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[3];
        CompactBytes.getSparse(ok, out, 3);
        assertArrayEquals(new double[] {1.0, 0, 0}, out);
    }

    private static int sizeOf(int v) {
        ByteBuffer b = ByteBuffer.allocate(10);
        CompactBytes.putVarint(b, v);
        return b.position();
    }
}
