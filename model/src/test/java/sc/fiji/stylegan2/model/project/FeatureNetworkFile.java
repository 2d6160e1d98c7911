package sc.fiji.stylegan2.model.project;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A parameter-free TorchScript feature network written without Python, in the archive layout of
 * {@code torch.jit.save}: {@code <name>/code/__torch__.py} (the serialized class), {@code
 * <name>/data.pkl} (the module object, pickle protocol 2), an empty {@code constants.pkl}, {@code
 * version} and {@code byteorder}. Its {@code forward} returns the per-channel means of the image,
 * {@code [N, C]}.
 */
final class FeatureNetworkFile {

    private static final String CLASS = "ChannelMeans";

    private FeatureNetworkFile() {}

    static Path write(Path file) throws IOException {
        String source =
                String.join(
                        "\n",
                        "class " + CLASS + "(Module):",
                        "  __parameters__ = []",
                        "  __buffers__ = []",
                        "  training : bool",
                        "  def forward(self: __torch__." + CLASS + ",",
                        "    x: Tensor) -> Tensor:",
                        "    return torch.mean(x, [2, 3])",
                        "");
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "net/code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
            put(zip, "net/data.pkl", modulePickle());
            put(
                    zip,
                    "net/constants.pkl",
                    new byte[] {(byte) 0x80, 2, ')', '.'}); // PROTO 2, EMPTY_TUPLE, STOP
            put(zip, "net/version", "3\n".getBytes(StandardCharsets.US_ASCII));
            put(zip, "net/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    /** {@code __torch__.ChannelMeans.__new__()} with state {@code {"training": False}}. */
    private static byte[] modulePickle() {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(new byte[] {(byte) 0x80, 2}); // PROTO 2
        p.writeBytes(("c__torch__\n" + CLASS + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        p.writeBytes(new byte[] {')', (byte) 0x81}); // EMPTY_TUPLE, NEWOBJ
        p.writeBytes(new byte[] {'}', 'X', 8, 0, 0, 0}); // EMPTY_DICT, BINUNICODE of length 8
        p.writeBytes("training".getBytes(StandardCharsets.US_ASCII));
        p.writeBytes(new byte[] {(byte) 0x89, 's', 'b', '.'}); // NEWFALSE, SETITEM, BUILD, STOP
        return p.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
