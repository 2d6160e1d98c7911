package sc.fiji.stylegan2.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sc.fiji.stylegan2.model.testutil.Fixtures;

class TorchStateDictReaderTest {

    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"res32-rgb", "res64-gray"})
    void zipStateDictEqualsRawWeightsExactly(String network) throws IOException {
        Map<String, TensorData> sd =
                TorchStateDictReader.read(Fixtures.dir(network).resolve("G_ema.pt"));
        Fixtures.assertSameTensors(Fixtures.rawWeights(network), sd);
    }

    @Test
    void zeroDimensionalTensorsHaveAnEmptyShape() throws IOException {
        TensorData s =
                TorchStateDictReader.read(Fixtures.dir("res32-rgb").resolve("G_ema.pt"))
                        .get("synthesis.b4.conv1.noise_strength");
        assertEquals(0, s.shape().length);
        assertEquals(1, s.data().length);
    }

    @Test
    void truncatedZipNamesTheFile() throws IOException {
        byte[] full = Files.readAllBytes(Fixtures.dir("res32-rgb").resolve("G_ema.pt"));
        for (int length : new int[] {1000, full.length / 2, full.length - 10}) {
            Path cut =
                    Files.write(tmp.resolve("cut-" + length + ".pt"), Arrays.copyOf(full, length));
            CheckpointFormatException e =
                    assertThrows(
                            CheckpointFormatException.class, () -> TorchStateDictReader.read(cut));
            assertTrue(
                    e.getMessage().contains("cut-" + length + ".pt is truncated or damaged"),
                    e.getMessage());
        }
    }

    @Test
    void legacyStateDictWithHalfStorageStridesAndOffsetsIsGatheredInCOrder() throws IOException {
        // One HalfStorage of 6 values 1..6; 'w' views it transposed (shape (2, 3), strides (1, 2)),
        // 's' is the 0-dim element at offset 5, 'row' is the contiguous run [2, 3] at offset 2.
        PickleBytes p =
                PickleBytes.legacyTorchPreamble()
                        .proto(2)
                        .global("collections", "OrderedDict")
                        .op(')')
                        .reduce()
                        .mark();
        tensorEntry(p, "w", 0, new int[] {2, 3}, new int[] {1, 2});
        tensorEntry(p, "s", 5, new int[] {}, new int[] {});
        tensorEntry(p, "row", 2, new int[] {2}, new int[] {1});
        p.op('u').stop();
        p.proto(2).op(']').str("k0").op('a').stop();
        p.le(6, 8);
        for (int half : new int[] {0x3c00, 0x4000, 0x4200, 0x4400, 0x4500, 0x4600}) { // 1.0 .. 6.0
            p.le(half, 2);
        }
        Path file = Files.write(tmp.resolve("legacy.pt"), p.toBytes());

        Map<String, TensorData> sd = TorchStateDictReader.read(file);

        assertEquals(List.of("w", "s", "row"), List.copyOf(sd.keySet()));
        assertEquals(
                new TensorData(new long[] {2, 3}, new float[] {1, 3, 5, 2, 4, 6}), sd.get("w"));
        assertEquals(new TensorData(new long[] {}, new float[] {6}), sd.get("s"));
        assertEquals(new TensorData(new long[] {2}, new float[] {3, 4}), sd.get("row"));
    }

    private static void tensorEntry(
            PickleBytes p, String name, int offset, int[] shape, int[] stride) {
        p.str(name)
                .global("torch._utils", "_rebuild_tensor_v2")
                .mark()
                .mark()
                .str("storage")
                .global("torch", "HalfStorage")
                .str("k0")
                .str("cpu")
                .integer(6)
                .none()
                .tuple()
                .op('Q')
                .integer(offset);
        intTuple(p, shape);
        intTuple(p, stride);
        p.op(0x89).global("collections", "OrderedDict").op(')').reduce().tuple().reduce();
    }

    private static void intTuple(PickleBytes p, int[] values) {
        p.mark();
        for (int v : values) {
            p.integer(v);
        }
        p.tuple();
    }

    @Test
    void tensorReachingPastItsStorageIsRefused() throws IOException {
        PickleBytes p =
                PickleBytes.legacyTorchPreamble()
                        .proto(2)
                        .global("collections", "OrderedDict")
                        .op(')')
                        .reduce()
                        .mark();
        tensorEntry(p, "w", 4, new int[] {2, 3}, new int[] {3, 1});
        p.op('u').stop().proto(2).op(']').str("k0").op('a').stop().le(6, 8).raw(new byte[12]);
        Path file = Files.write(tmp.resolve("past.pt"), p.toBytes());
        CheckpointFormatException e =
                assertThrows(
                        CheckpointFormatException.class, () -> TorchStateDictReader.read(file));
        assertTrue(e.getMessage().contains("past.pt is damaged: tensor 'w'"), e.getMessage());
    }

    @Test
    void pickleThatIsNotATorchFileIsRefused() throws IOException {
        Path file =
                Files.write(
                        tmp.resolve("plain.pt"),
                        new PickleBytes().proto(2).op('}').stop().toBytes());
        CheckpointFormatException e =
                assertThrows(
                        CheckpointFormatException.class, () -> TorchStateDictReader.read(file));
        assertTrue(
                e.getMessage().startsWith("plain.pt is not a PyTorch state dict"), e.getMessage());
    }
}
