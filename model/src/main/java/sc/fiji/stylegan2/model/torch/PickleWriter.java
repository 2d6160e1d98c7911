package sc.fiji.stylegan2.model.torch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few pickle (protocol 2) opcodes a TorchScript module object needs, written by name so the
 * bytes of {@link TorchScriptArchive} can be read against the pickle specification (Python's {@code
 * pickletools}).
 */
final class PickleWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** {@code PROTO 2}. */
    void proto2() {
        out.write(0x80);
        out.write(2);
    }

    /** {@code GLOBAL module\nname\n}: pushes the class {@code module.name}. */
    void global(String module, String name) {
        out.write('c');
        byte[] text = (module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII);
        out.write(text, 0, text.length);
    }

    /** {@code EMPTY_TUPLE}. */
    void emptyTuple() {
        out.write(')');
    }

    /** {@code NEWOBJ}: {@code cls.__new__(cls, *args)}. */
    void newObj() {
        out.write(0x81);
    }

    /** {@code EMPTY_DICT}. */
    void emptyDict() {
        out.write('}');
    }

    /** {@code MARK}. */
    void mark() {
        out.write('(');
    }

    /** {@code BINUNICODE}: a UTF-8 string with a 4-byte little-endian length. */
    void unicode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        for (int i = 0; i < 4; i++) {
            out.write((b.length >>> (8 * i)) & 0xff);
        }
        out.write(b, 0, b.length);
    }

    /** {@code NEWTRUE} or {@code NEWFALSE}. */
    void bool(boolean v) {
        out.write(v ? 0x88 : 0x89);
    }

    /** {@code SETITEMS}: adds the key/value pairs since the last mark to the dict below it. */
    void setItems() {
        out.write('u');
    }

    /** {@code BUILD}: sets the object's state. */
    void build() {
        out.write('b');
    }

    /** {@code STOP}; returns the pickle. */
    byte[] stop() {
        out.write('.');
        return out.toByteArray();
    }
}
