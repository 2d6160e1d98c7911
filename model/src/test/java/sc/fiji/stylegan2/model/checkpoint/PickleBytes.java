package sc.fiji.stylegan2.model.checkpoint;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import sc.fiji.stylegan2.model.checkpoint.pickle.LegacyTorchBlob;

/**
 * Writes pickle opcodes by hand, for tests that need pickles no fixture has (hostile ones
 * included).
 */
public final class PickleBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public PickleBytes proto(int version) {
        return op(0x80).raw(version);
    }

    /** GLOBAL: {@code c<module>\n<name>\n}. */
    public PickleBytes global(String module, String name) {
        return op('c').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public PickleBytes str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return op('X').le(b.length, 4).raw(b);
    }

    public PickleBytes bytes(byte[] b) {
        return op('B').le(b.length, 4).raw(b);
    }

    public PickleBytes integer(int v) {
        return op('J').le(v, 4);
    }

    public PickleBytes op(int opcode) {
        out.write(opcode);
        return this;
    }

    public PickleBytes mark() {
        return op('(');
    }

    public PickleBytes tuple() {
        return op('t');
    }

    public PickleBytes reduce() {
        return op('R');
    }

    public PickleBytes none() {
        return op('N');
    }

    public PickleBytes stop() {
        return op('.');
    }

    public PickleBytes raw(int b) {
        out.write(b);
        return this;
    }

    public PickleBytes raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** A little-endian integer of {@code size} bytes, without an opcode. */
    public PickleBytes le(long v, int size) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v);
        return raw(java.util.Arrays.copyOf(b.array(), size));
    }

    /**
     * The magic number, protocol version and sys_info pickles that start a legacy torch.save
     * stream.
     */
    public static PickleBytes legacyTorchPreamble() {
        return new PickleBytes()
                .raw(LegacyTorchBlob.HEADER)
                .stop()
                .proto(2)
                .op('M')
                .le(1001, 2)
                .stop()
                .proto(2)
                .op('}')
                .str("little_endian")
                .op(0x88)
                .op('s')
                .stop();
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }
}
