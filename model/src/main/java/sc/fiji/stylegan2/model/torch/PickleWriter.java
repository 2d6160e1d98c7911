package sc.fiji.stylegan2.model.torch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few pickle (protocol 2) opcodes a TorchScript module object and a {@code torch.save} state
 * dict need, written by name so the bytes of {@link TorchScriptArchive} and {@code
 * TorchStateDictWriter} can be read against the pickle specification (Python's {@code
 * pickletools}).
 */
public final class PickleWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** {@code PROTO 2}. */
    public void proto2() {
        out.write(0x80);
        out.write(2);
    }

    /** {@code GLOBAL module\nname\n}: pushes the class {@code module.name}. */
    public void global(String module, String name) {
        out.write('c');
        byte[] text = (module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII);
        out.write(text, 0, text.length);
    }

    /** {@code EMPTY_TUPLE}. */
    public void emptyTuple() {
        out.write(')');
    }

    /** {@code NEWOBJ}: {@code cls.__new__(cls, *args)}. */
    public void newObj() {
        out.write(0x81);
    }

    /** {@code EMPTY_DICT}. */
    public void emptyDict() {
        out.write('}');
    }

    /** {@code MARK}. */
    public void mark() {
        out.write('(');
    }

    /** {@code BINUNICODE}: a UTF-8 string with a 4-byte little-endian length. */
    public void unicode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        for (int i = 0; i < 4; i++) {
            out.write((b.length >>> (8 * i)) & 0xff);
        }
        out.write(b, 0, b.length);
    }

    /** {@code NEWTRUE} or {@code NEWFALSE}. */
    public void bool(boolean v) {
        out.write(v ? 0x88 : 0x89);
    }

    /** {@code SETITEMS}: adds the key/value pairs since the last mark to the dict below it. */
    public void setItems() {
        out.write('u');
    }

    /** {@code BUILD}: sets the object's state. */
    public void build() {
        out.write('b');
    }

    /** {@code TUPLE}: the items since the last mark as a tuple. */
    public void tuple() {
        out.write('t');
    }

    /** {@code REDUCE}: calls the callable below the argument tuple on top. */
    public void reduce() {
        out.write('R');
    }

    /** {@code BINPERSID}: the object on top becomes a persistent id for the loader to resolve. */
    public void binPersId() {
        out.write('Q');
    }

    /**
     * {@code BININT} (a signed 4-byte little-endian integer) when it fits, else {@code LONG1} (a
     * little-endian two's complement of 8 bytes).
     */
    public void integer(long v) {
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('J');
            littleEndian(v, 4);
        } else {
            out.write(0x8a);
            out.write(8);
            littleEndian(v, 8);
        }
    }

    private void littleEndian(long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }

    /** {@code STOP}; returns the pickle. */
    public byte[] stop() {
        out.write('.');
        return out.toByteArray();
    }
}
