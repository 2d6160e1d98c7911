package sc.fiji.stylegan2.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.Unpickler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sc.fiji.stylegan2.model.testutil.Fixtures;

class NvlabsPickleReaderTest {

    @TempDir Path tmp;

    static OfficialNetworks snapshot(String network) throws IOException {
        return NvlabsPickleReader.read(
                Fixtures.dir(network).resolve("network-snapshot-000000.pkl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"res32-rgb", "res64-gray"})
    void gEmaFromPickleEqualsRawWeightsExactly(String network) throws IOException {
        Fixtures.assertSameTensors(Fixtures.rawWeights(network), snapshot(network).gEma());
    }

    @ParameterizedTest
    @ValueSource(strings = {"res32-rgb", "res64-gray"})
    void trainingGeneratorHasTheSameNamesAndShapesAsGEma(String network) throws IOException {
        OfficialNetworks nets = snapshot(network);
        assertEquals(List.copyOf(nets.gEma().keySet()), List.copyOf(nets.g().keySet()));
        nets.gEma()
                .forEach(
                        (name, t) ->
                                assertArrayEquals(t.shape(), nets.g().get(name).shape(), name));
    }

    /** The fixtures were written with {@code augment_pipe = None}, as {@code --aug=noaug} does. */
    @Test
    void snapshotWithoutAugmentPipeHasNone() throws IOException {
        Path file = Fixtures.dir("res64-gray").resolve("network-snapshot-000000.pkl");
        assertNull(NvlabsPickleReader.readSnapshot(file).augmentPipe());
    }

    @Test
    void discriminatorHasTheOfficialNamesInStateDictOrder() throws IOException {
        Map<String, TensorData> d = snapshot("res32-rgb").d();
        List<String> expected = new ArrayList<>();
        for (int res : new int[] {32, 16, 8}) {
            String b = "b" + res + ".";
            expected.add(b + "resample_filter");
            if (res == 32) {
                expected.addAll(
                        List.of(
                                b + "fromrgb.weight",
                                b + "fromrgb.bias",
                                b + "fromrgb.resample_filter"));
            }
            for (String conv : List.of("conv0.", "conv1.")) {
                expected.addAll(
                        List.of(
                                b + conv + "weight",
                                b + conv + "bias",
                                b + conv + "resample_filter"));
            }
            expected.addAll(List.of(b + "skip.weight", b + "skip.resample_filter"));
        }
        expected.addAll(
                List.of(
                        "b4.conv.weight",
                        "b4.conv.bias",
                        "b4.conv.resample_filter",
                        "b4.fc.weight",
                        "b4.fc.bias",
                        "b4.out.weight",
                        "b4.out.bias"));
        assertEquals(expected, List.copyOf(d.keySet()));
        assertArrayEquals(new long[] {1, 64}, d.get("b4.out.weight").shape());
        assertArrayEquals(new long[] {64, 3, 1, 1}, d.get("b32.fromrgb.weight").shape());
    }

    @ParameterizedTest
    @ValueSource(strings = {"res32-rgb", "res64-gray"})
    void parameterCountsMatchTheManifest(String network) throws IOException {
        OfficialNetworks nets = snapshot(network);
        JsonObject m = Fixtures.manifest(network).getAsJsonObject("network");
        assertEquals(m.get("G_params").getAsLong(), parameterCount(nets.gEma()));
        assertEquals(m.get("G_params").getAsLong(), parameterCount(nets.g()));
        assertEquals(m.get("D_params").getAsLong(), parameterCount(nets.d()));
    }

    /** Elements of all tensors but the buffers (resample filters, constant noise, w_avg). */
    private static long parameterCount(Map<String, TensorData> stateDict) {
        return stateDict.entrySet().stream()
                .filter(e -> !e.getKey().matches(".*(resample_filter|noise_const|w_avg)$"))
                .mapToLong(e -> e.getValue().data().length)
                .sum();
    }

    @ParameterizedTest
    @ValueSource(strings = {"res32-rgb", "res64-gray"})
    void generatorKwargsMatchTheManifest(String network) throws IOException {
        Map<String, Object> kw = snapshot(network).gKwargs();
        JsonObject args = Fixtures.manifest(network).getAsJsonObject("command_args");
        assertEquals(args.get("z_dim").getAsLong(), kw.get("z_dim"));
        assertEquals(args.get("w_dim").getAsLong(), kw.get("w_dim"));
        assertEquals(args.get("res").getAsLong(), kw.get("img_resolution"));
        assertEquals(args.get("channels").getAsLong(), kw.get("img_channels"));
        assertEquals(0L, kw.get("c_dim"));
        assertEquals(
                args.get("map").getAsLong(),
                ((Map<?, ?>) kw.get("mapping_kwargs")).get("num_layers"));
        Map<?, ?> synthesis = (Map<?, ?>) kw.get("synthesis_kwargs");
        assertEquals(args.get("channel_base").getAsLong(), synthesis.get("channel_base"));
        assertEquals(args.get("channel_max").getAsLong(), synthesis.get("channel_max"));
        assertTrue(synthesis.containsKey("conv_clamp"));
        assertEquals(null, synthesis.get("conv_clamp"));
    }

    @Test
    void discriminatorKwargsArePlainJava() throws IOException {
        Map<String, Object> kw = snapshot("res32-rgb").dKwargs();
        assertEquals(Map.of("mbstd_group_size", 4L), kw.get("epilogue_kwargs"));
        assertEquals(Map.of(), kw.get("block_kwargs"));
        assertEquals(2048L, kw.get("channel_base"));
    }

    @Test
    void foreignPickleIsRefusedNamingTheGlobal() throws IOException {
        Path pkl =
                write(
                        "model.pkl",
                        "\u0080\u0002cos\nsystem\nq\u0000X\u0002\u0000\u0000\u0000lsq\u0001"
                                + "\u0085q\u0002Rq\u0003.");
        CheckpointFormatException e =
                assertThrows(CheckpointFormatException.class, () -> NvlabsPickleReader.read(pkl));
        assertTrue(
                e.getMessage().contains("model.pkl is not a StyleGAN2 checkpoint"), e.getMessage());
        assertTrue(e.getMessage().contains("'os.system'"), e.getMessage());
    }

    @Test
    void protocolZeroInstPickleIsRefusedNamingTheGlobal() throws IOException {
        Path pkl = write("inst.pkl", "(S'ls'\nios\nsystem\n.");
        CheckpointFormatException e =
                assertThrows(CheckpointFormatException.class, () -> NvlabsPickleReader.read(pkl));
        assertTrue(e.getMessage().contains("'os.system'"), e.getMessage());
    }

    @Test
    void globalInsideANestedStorageBlobIsRefused() throws IOException {
        byte[] blob =
                PickleBytes.legacyTorchPreamble()
                        .proto(2)
                        .global("subprocess", "call")
                        .str("ls")
                        .op(0x85)
                        .reduce()
                        .stop()
                        .toBytes();
        byte[] outer =
                new PickleBytes()
                        .proto(2)
                        .global("torch.storage", "_load_from_bytes")
                        .bytes(blob)
                        .op(0x85)
                        .reduce()
                        .stop()
                        .toBytes();
        Path pkl = Files.write(tmp.resolve("nested.pkl"), outer);
        CheckpointFormatException e =
                assertThrows(CheckpointFormatException.class, () -> NvlabsPickleReader.read(pkl));
        assertTrue(e.getMessage().contains("'subprocess.call'"), e.getMessage());
    }

    @Test
    void constructorsRegisteredGloballyInRazorvineAreIgnored() throws IOException {
        Unpickler.registerConstructor("sc_fiji_test_evil", "run", args -> "ran");
        Path pkl =
                Files.write(
                        tmp.resolve("evil.pkl"),
                        new PickleBytes()
                                .proto(2)
                                .global("sc_fiji_test_evil", "run")
                                .op(')')
                                .reduce()
                                .stop()
                                .toBytes());
        CheckpointFormatException e =
                assertThrows(CheckpointFormatException.class, () -> NvlabsPickleReader.read(pkl));
        assertTrue(e.getMessage().contains("'sc_fiji_test_evil.run'"), e.getMessage());
    }

    @Test
    void snapshotWithoutGEmaSaysSo() throws IOException {
        Path pkl =
                Files.write(
                        tmp.resolve("noema.pkl"),
                        new PickleBytes()
                                .proto(2)
                                .op('}')
                                .str("G")
                                .none()
                                .op('s')
                                .stop()
                                .toBytes());
        CheckpointFormatException e =
                assertThrows(CheckpointFormatException.class, () -> NvlabsPickleReader.read(pkl));
        assertTrue(e.getMessage().startsWith("no G_ema in noema.pkl"), e.getMessage());
    }

    @Test
    void hugeLengthFieldIsReportedAsTruncatedWithoutAllocating() throws IOException {
        Path pkl =
                Files.write(
                        tmp.resolve("huge.pkl"),
                        new PickleBytes().proto(4).op(0x8e).le(Long.MAX_VALUE, 8).toBytes());
        CheckpointFormatException e =
                assertThrows(CheckpointFormatException.class, () -> NvlabsPickleReader.read(pkl));
        assertTrue(e.getMessage().contains("huge.pkl is truncated or damaged"), e.getMessage());
    }

    @Test
    void truncatedSnapshotsNameTheFile() throws IOException {
        byte[] full =
                Files.readAllBytes(
                        Fixtures.dir("res32-rgb").resolve("network-snapshot-000000.pkl"));
        for (int length : new int[] {1000, full.length / 2, full.length - 1}) {
            Path cut =
                    Files.write(
                            tmp.resolve("cut-" + length + ".pkl"),
                            java.util.Arrays.copyOf(full, length));
            CheckpointFormatException e =
                    assertThrows(
                            CheckpointFormatException.class, () -> NvlabsPickleReader.read(cut));
            assertTrue(
                    e.getMessage().contains("cut-" + length + ".pkl is truncated or damaged"),
                    e.getMessage());
        }
    }

    private Path write(String name, String latin1) throws IOException {
        return Files.write(
                tmp.resolve(name), latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
