package sc.fiji.stylegan2.model.torch;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipOutputStream;
import sc.fiji.stylegan2.model.io.StoredZipEntry;

/**
 * Writes the TorchScript archive of a module without parameters from its serialized source, the
 * same zip that {@code torch.jit.save} writes (Python torch is not needed), and loads it into
 * libtorch. This reaches aten operators that DJL does not wrap (e.g. {@code conv_transpose2d},
 * {@code autograd.grad}) while keeping autograd: the module runs in training mode on the caller's
 * tensors, so its ops join their graph. The zip, under one folder named after the class:
 *
 * <ul>
 *   <li>{@code code/__torch__.py}: the class in serialized TorchScript: {@code class Name(Module):}
 *       with empty {@code __parameters__} and {@code __buffers__}, the attribute {@code training :
 *       bool}, and methods;
 *   <li>{@code data.pkl}: the module object, pickle protocol 2: {@code GLOBAL __torch__ Name},
 *       {@code NEWOBJ}, {@code BUILD} with the state {@code {"training": True}};
 *   <li>{@code constants.pkl}: the empty constants tuple;
 *   <li>{@code version} ({@code 3}) and {@code byteorder} ({@code little}).
 * </ul>
 *
 * The bytes are deterministic (stored entries, fixed times).
 */
public final class TorchScriptArchive {

    private TorchScriptArchive() {}

    /**
     * The serialized source of a parameterless module class with one method {@code forward}, in the
     * layout {@code torch.jit.save} writes: the class header, then {@code def forward(self:
     * __torch__.Name,}, one typed argument per line, the return type, and the body lines (indented
     * here by four spaces).
     *
     * @param args typed arguments, e.g. {@code "x: Tensor"}
     */
    public static String forwardSource(
            String className, List<String> args, String returnType, String... body) {
        StringBuilder s = new StringBuilder();
        s.append("class ").append(className).append("(Module):\n");
        s.append("  __parameters__ = []\n  __buffers__ = []\n  training : bool\n");
        s.append("  def forward(self: __torch__.").append(className).append(",\n");
        for (int i = 0; i < args.size(); i++) {
            s.append("    ")
                    .append(args.get(i))
                    .append(i < args.size() - 1 ? ",\n" : ") -> " + returnType + ":\n");
        }
        for (String line : body) {
            s.append("    ").append(line).append('\n');
        }
        return s.toString();
    }

    /** The archive of class {@code __torch__.className} with the given serialized source. */
    public static byte[] write(String className, String source) {
        String dir = className.toLowerCase(Locale.ROOT) + "/";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            StoredZipEntry.write(zip, dir + "data.pkl", modulePickle(className));
            StoredZipEntry.write(
                    zip, dir + "code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
            StoredZipEntry.write(zip, dir + "constants.pkl", constantsPickle());
            StoredZipEntry.write(zip, dir + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
            StoredZipEntry.write(
                    zip, dir + "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return bytes.toByteArray();
    }

    /** Loads an archive into {@code manager} (closing the manager frees the module). */
    public static PtSymbolBlock load(NDManager manager, byte[] archive) {
        try {
            return JniUtils.loadModule(
                    (PtNDManager) manager, new ByteArrayInputStream(archive), true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code data.pkl}: an instance of {@code __torch__.className} with state {@code {"training":
     * True}}.
     */
    public static byte[] modulePickle(String className) {
        PickleWriter p = new PickleWriter();
        p.proto2();
        p.global("__torch__", className);
        p.emptyTuple();
        p.newObj();
        p.emptyDict();
        p.mark();
        p.unicode("training");
        p.bool(true);
        p.setItems();
        p.build();
        return p.stop();
    }

    /** {@code constants.pkl}: the empty tuple. */
    public static byte[] constantsPickle() {
        PickleWriter p = new PickleWriter();
        p.proto2();
        p.emptyTuple();
        return p.stop();
    }
}
