package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.nio.ByteBuffer;

/**
 * The legacy PyTorch storage classes ({@code torch.FloatStorage}, ...) that name a storage's
 * element type in {@code torch.save} files, with the conversion of their little- or big-endian
 * bytes to {@code float}. Every type is read as float32, integer and boolean ones too (StyleGAN2
 * uses none of them for weights).
 */
enum StorageType {
    FLOAT("FloatStorage", 4),
    DOUBLE("DoubleStorage", 8),
    HALF("HalfStorage", 2),
    BFLOAT16("BFloat16Storage", 2),
    LONG("LongStorage", 8),
    INT("IntStorage", 4),
    SHORT("ShortStorage", 2),
    CHAR("CharStorage", 1),
    BYTE("ByteStorage", 1),
    BOOL("BoolStorage", 1);

    private final String pythonName;
    private final int elementSize;

    StorageType(String pythonName, int elementSize) {
        this.pythonName = pythonName;
        this.elementSize = elementSize;
    }

    /** The type a global such as {@code torch.FloatStorage} names, or null if it names none. */
    static StorageType forGlobal(String module, String name) {
        if (!"torch".equals(module)) {
            return null;
        }
        for (StorageType t : values()) {
            if (t.pythonName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The Python name, e.g. {@code torch.FloatStorage}. */
    String qualifiedName() {
        return "torch." + pythonName;
    }

    /** Bytes per element. */
    int elementSize() {
        return elementSize;
    }

    /**
     * Converts {@code count} elements from {@code src} (whose byte order is already set) to floats.
     *
     * @param src bytes positioned at the first element; advanced past the last
     * @param dst where the values go
     * @param offset index in {@code dst} of the first value
     * @param count number of elements
     */
    void decode(ByteBuffer src, float[] dst, int offset, int count) {
        switch (this) {
            case FLOAT -> src.asFloatBuffer().get(dst, offset, count);
            case DOUBLE -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = (float) src.getDouble(src.position() + 8 * i);
                }
            }
            case HALF -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = halfToFloat(src.getShort(src.position() + 2 * i));
                }
            }
            case BFLOAT16 -> {
                for (int i = 0; i < count; i++) {
                    int bits = (src.getShort(src.position() + 2 * i) & 0xffff) << 16;
                    dst[offset + i] = Float.intBitsToFloat(bits);
                }
            }
            case LONG -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = src.getLong(src.position() + 8 * i);
                }
            }
            case INT -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = src.getInt(src.position() + 4 * i);
                }
            }
            case SHORT -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = src.getShort(src.position() + 2 * i);
                }
            }
            case CHAR, BOOL -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = src.get(src.position() + i);
                }
            }
            case BYTE -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = src.get(src.position() + i) & 0xff;
                }
            }
        }
        src.position(src.position() + count * elementSize);
    }

    /** IEEE 754 binary16 to binary32, exact (every half value is a float value). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        float magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24f;
        } else if (exponent == 0x1f) {
            magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = Float.intBitsToFloat(((exponent + 112) << 23) | (mantissa << 13));
        }
        return (h & 0x8000) != 0 ? -magnitude : magnitude;
    }
}
