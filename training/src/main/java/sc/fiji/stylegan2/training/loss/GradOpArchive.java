package sc.fiji.stylegan2.training.loss;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes, from the source text below, the TorchScript archive of a one-line module that differentiates with
 * a graph: {@code forward(y, x) = torch.autograd.grad([y.sum()], [x], create_graph=True)[0]}. It is the
 * same zip that {@code torch.jit.save} writes for that module (Python torch is not needed to make it):
 *
 * <ul>
 *   <li>{@code gradop/code/__torch__.py}: the class in serialized TorchScript, declaring its (empty)
 *       {@code __parameters__} and {@code __buffers__} and its one attribute {@code training : bool};
 *   <li>{@code gradop/data.pkl}: the module object, pickle protocol 2: {@code GLOBAL __torch__ GradOp},
 *       {@code NEWOBJ}, then {@code BUILD} with the state dict {@code {"training": True}};
 *   <li>{@code gradop/constants.pkl}: the empty constants tuple;
 *   <li>{@code gradop/version} and {@code gradop/byteorder}: file format version 3, little-endian.
 * </ul>
 *
 * <p>Why a TorchScript module: second-order gradients through DJL's {@code backward(..., createGraph =
 * true)} leave every leaf's {@code .grad} holding a graph that points back to the leaf, a reference cycle
 * that DJL never breaks (measured: RSS grows by 0.2–1.4 MB per step). {@code torch.autograd.grad} returns the
 * gradient instead of accumulating it into {@code .grad}, so nothing outlives the step. The bytes are
 * deterministic (fixed entry times, stored entries) and the same on every run.
 */
public final class GradOpArchive {

    /** The class name; the archive folder is its lower-case form. */
    static final String CLASS_NAME = "GradOp";

    private static final String DIR = "gradop/";

    /**
     * Serialized TorchScript of the module, character for character as libtorch 2.7 itself writes it back
     * ({@code torch.jit.save} of the loaded module); {@code torch.autograd.grad} is {@code aten::grad}, whose
     * arguments are (outputs, inputs, grad_outputs, retain_graph, create_graph).
     */
    static final String SOURCE = String.join("\n",
            "class " + CLASS_NAME + "(Module):",
            "  __parameters__ = []",
            "  __buffers__ = []",
            "  training : bool",
            "  def forward(self: __torch__." + CLASS_NAME + ",",
            "    y: Tensor,",
            "    x: Tensor) -> Tensor:",
            "    _0 = torch.autograd.grad([torch.sum(y)], [x], None, None, True)",
            "    return unchecked_cast(Tensor, _0[0])",
            "");

    private static final long ENTRY_TIME = 315532800000L + 86_400_000L; // 1980-01-02, a valid DOS time

    private GradOpArchive() {}

    /** The archive bytes, identical on every call. */
    public static byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            stored(zip, DIR + "data.pkl", modulePickle());
            stored(zip, DIR + "code/__torch__.py", SOURCE.getBytes(StandardCharsets.UTF_8));
            stored(zip, DIR + "constants.pkl", constantsPickle());
            stored(zip, DIR + "version", ascii("3\n"));
            stored(zip, DIR + "byteorder", ascii("little"));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return bytes.toByteArray();
    }

    /** {@code data.pkl}: an instance of {@code __torch__.GradOp} with state {@code {"training": True}}. */
    static byte[] modulePickle() {
        PickleWriter p = new PickleWriter();
        p.proto2();
        p.global("__torch__", CLASS_NAME);
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

    /** {@code constants.pkl}: the empty tuple (the module has no tensor constants). */
    static byte[] constantsPickle() {
        PickleWriter p = new PickleWriter();
        p.proto2();
        p.emptyTuple();
        return p.stop();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        e.setTime(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
