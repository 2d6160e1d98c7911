package sc.fiji.stylegan2.training.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a parameter-free TorchScript archive in the layout {@code torch.jit.save} uses (no Python
 * needed): {@code code/__torch__.py} with the serialized class, {@code data.pkl} with the module
 * object (pickle protocol 2: {@code GLOBAL __torch__ <Class>}, {@code NEWOBJ}, {@code BUILD
 * {"training": True}}), an empty {@code constants.pkl}, {@code version} 3 and {@code byteorder}.
 */
final class TinyTorchScript {

    private TinyTorchScript() {}

    /** {@code forward(x) = mean of x over H and W}: features [N, C]. */
    static String channelMeans(String cls) {
        return String.join(
                "\n",
                "class " + cls + "(Module):",
                "  __parameters__ = []",
                "  __buffers__ = []",
                "  training : bool",
                "  def forward(self: __torch__." + cls + ",",
                "    x: Tensor) -> Tensor:",
                "    return torch.mean(x, [2, 3])",
                "");
    }

    /**
     * {@code forward(x, return_features)}: float means when the flag is set, their negation
     * otherwise.
     */
    static String flaggedMeans(String cls) {
        return String.join(
                "\n",
                "class " + cls + "(Module):",
                "  __parameters__ = []",
                "  __buffers__ = []",
                "  training : bool",
                "  def forward(self: __torch__." + cls + ",",
                "    x: Tensor,",
                "    return_features: bool) -> Tensor:",
                "    _0 = torch.mean(torch.to(x, 6), [2, 3])",
                "    if return_features:",
                "      _1 = _0",
                "    else:",
                "      _1 = torch.neg(_0)",
                "    return _1",
                "");
    }

    static Path write(Path file, String cls, String source) throws IOException {
        String dir = cls.toLowerCase() + "/";
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, dir + "data.pkl", modulePickle(cls));
            entry(zip, dir + "code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
            entry(zip, dir + "constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            entry(zip, dir + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
            entry(zip, dir + "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    private static byte[] modulePickle(String cls) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(new byte[] {(byte) 0x80, 2}); // PROTO 2
        p.writeBytes(("c__torch__\n" + cls + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        p.writeBytes(new byte[] {')', (byte) 0x81, '}', '('}); // EMPTY_TUPLE NEWOBJ EMPTY_DICT MARK
        byte[] key = "training".getBytes(StandardCharsets.UTF_8);
        p.writeBytes(new byte[] {'X', (byte) key.length, 0, 0, 0}); // BINUNICODE
        p.writeBytes(key);
        p.writeBytes(new byte[] {(byte) 0x88, 'u', 'b', '.'}); // NEWTRUE SETITEMS BUILD STOP
        return p.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
