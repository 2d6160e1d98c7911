package sc.fiji.stylegan2.model.checkpoint.pickle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StorageTypeTest {

    @Test
    void halfFloatsConvertExactlyIncludingSubnormalsAndInfinities() {
        assertEquals(1.0f, StorageType.halfToFloat((short) 0x3c00));
        assertEquals(-2.0f, StorageType.halfToFloat((short) 0xc000));
        assertEquals(65504.0f, StorageType.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, StorageType.halfToFloat((short) 0x0001));
        assertEquals(0x1p-14f, StorageType.halfToFloat((short) 0x0400));
        assertEquals(Float.NEGATIVE_INFINITY, StorageType.halfToFloat((short) 0xfc00));
        assertEquals(-0.0f, StorageType.halfToFloat((short) 0x8000));
        assertEquals(Float.NaN, StorageType.halfToFloat((short) 0x7e00));
    }

    @Test
    void everyStorageTypeDecodesToFloatInTheGivenByteOrder() {
        assertDecodes(
                StorageType.FLOAT,
                ByteOrder.BIG_ENDIAN,
                b -> b.putFloat(-1.5f).putFloat(3f),
                -1.5f,
                3f);
        assertDecodes(
                StorageType.DOUBLE,
                ByteOrder.BIG_ENDIAN,
                b -> b.putDouble(-1.5).putDouble(1e300),
                -1.5f,
                Float.POSITIVE_INFINITY);
        assertDecodes(
                StorageType.HALF,
                ByteOrder.LITTLE_ENDIAN,
                b -> b.putShort((short) 0x3c00).putShort((short) 0xc000),
                1f,
                -2f);
        assertDecodes(
                StorageType.BFLOAT16,
                ByteOrder.LITTLE_ENDIAN,
                b -> b.putShort((short) 0xbfc0).putShort((short) 0x7f80),
                -1.5f,
                Float.POSITIVE_INFINITY);
        assertDecodes(
                StorageType.LONG,
                ByteOrder.LITTLE_ENDIAN,
                b -> b.putLong(-1).putLong(1L << 40),
                -1f,
                0x1p40f);
        assertDecodes(
                StorageType.INT,
                ByteOrder.LITTLE_ENDIAN,
                b -> b.putInt(-1).putInt(1 << 30),
                -1f,
                0x1p30f);
        assertDecodes(
                StorageType.BYTE,
                ByteOrder.LITTLE_ENDIAN,
                b -> b.put((byte) 0xff).put((byte) 1),
                255f,
                1f);
        assertDecodes(
                StorageType.CHAR,
                ByteOrder.LITTLE_ENDIAN,
                b -> b.put((byte) 0xff).put((byte) 1),
                -1f,
                1f);
    }

    /**
     * Decodes two elements into positions 1 and 2 of a 3-float array and checks them and the
     * buffer's advance.
     */
    private static void assertDecodes(
            StorageType type,
            ByteOrder order,
            Consumer<ByteBuffer> put,
            float first,
            float second) {
        ByteBuffer b = ByteBuffer.allocate(2 * type.elementSize()).order(order);
        put.accept(b);
        b.flip();
        float[] out = new float[3];
        type.decode(b, out, 1, 2);
        assertArrayEquals(new float[] {0, first, second}, out, type.name());
        assertEquals(2 * type.elementSize(), b.position(), type.name());
    }
}
