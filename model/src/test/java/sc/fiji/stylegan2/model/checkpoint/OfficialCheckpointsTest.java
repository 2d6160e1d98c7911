package sc.fiji.stylegan2.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.testutil.Fixtures;

class OfficialCheckpointsTest {

    @TempDir Path tmp;

    private static String failure(Path file) {
        return assertThrows(CheckpointFormatException.class, () -> OfficialCheckpoints.read(file))
                .getMessage();
    }

    @Test
    void snapshotPickleIsReadWithAllThreeNetworks() throws IOException {
        Path pkl = Fixtures.dir("res32-rgb").resolve("network-snapshot-000000.pkl");
        OfficialNetworks nets = OfficialCheckpoints.read(pkl);
        assertNotNull(nets.g());
        assertNotNull(nets.d());
        assertEquals(128L, nets.gKwargs().get("z_dim"));
        assertEquals(Fixtures.rawWeights("res32-rgb").keySet().size(), nets.gEma().size());
    }

    @Test
    void stateDictIsReadAsGEmaAlone() throws IOException {
        Path pt = Fixtures.dir("res64-gray").resolve("G_ema.pt");
        OfficialNetworks nets = OfficialCheckpoints.read(pt);
        assertEquals(TorchStateDictReader.read(pt), nets.gEma());
        assertNull(nets.g());
        assertNull(nets.d());
        assertTrue(nets.gKwargs().isEmpty());
        assertTrue(nets.dKwargs().isEmpty());
    }

    @Test
    void formatIsChosenByContentNotByName() throws IOException {
        Path renamed =
                Files.copy(
                        Fixtures.dir("res32-rgb").resolve("G_ema.pt"), tmp.resolve("weights.pkl"));
        assertNull(OfficialCheckpoints.read(renamed).g());
    }

    @Test
    void missingFileSaysItDoesNotExist() {
        String message = failure(tmp.resolve("nowhere.pkl"));
        assertTrue(message.contains("nowhere.pkl does not exist"), message);
    }

    @Test
    void folderSaysItIsAFolder() throws IOException {
        String message = failure(Files.createDirectory(tmp.resolve("snapshots.pkl")));
        assertTrue(message.contains("snapshots.pkl is a folder"), message);
    }

    @Test
    void emptyFileSaysItIsEmptyAndTruncated() throws IOException {
        String message = failure(Files.createFile(tmp.resolve("empty.pkl")));
        assertTrue(message.startsWith("empty.pkl is empty (0 bytes)"), message);
        assertTrue(message.contains("truncated or damaged"), message);
    }

    @Test
    void textFileSaysItIsNotACheckpointAndQuotesItsStart() throws IOException {
        Path html =
                Files.writeString(
                        tmp.resolve("download.pkl"), "<!DOCTYPE html>\n<html>404</html>\n");
        String message = failure(html);
        assertTrue(
                message.startsWith(
                        "download.pkl is not a StyleGAN2 checkpoint (.pkl from NVlabs"
                                + " stylegan2-ada-pytorch, .pt state dict)"),
                message);
        assertTrue(message.contains("\"<!DOCTYPE html>\""), message);
    }

    @Test
    void randomBytesAreNotACheckpoint() throws IOException {
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        noise[0] = 0x13;
        String message = failure(Files.write(tmp.resolve("noise.bin"), noise));
        assertTrue(message.startsWith("noise.bin is not a StyleGAN2 checkpoint"), message);
    }

    @Test
    void garbageAfterAPickleHeaderIsDamagedNotACrash() throws IOException {
        Random random = new Random(2);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[64 + random.nextInt(512)];
            random.nextBytes(junk);
            junk[0] = (byte) 0x80;
            junk[1] = (byte) (2 + random.nextInt(4));
            Path file = Files.write(tmp.resolve("junk" + i + ".pkl"), junk);
            String message = failure(file);
            assertTrue(message.contains("junk" + i + ".pkl"), message);
        }
    }

    @Test
    void truncatedSnapshotAndStateDictNameTheFile() throws IOException {
        for (String name : new String[] {"network-snapshot-000000.pkl", "G_ema.pt"}) {
            byte[] full = Files.readAllBytes(Fixtures.dir("res64-gray").resolve(name));
            for (int length : new int[] {1000, full.length / 2}) {
                Path cut =
                        Files.write(tmp.resolve(length + "-" + name), Arrays.copyOf(full, length));
                String message = failure(cut);
                assertTrue(
                        message.contains(length + "-" + name + " is truncated or damaged"),
                        message);
            }
        }
    }

    @Test
    void pickleEndingAtTheFirstByteSaysWhereItEnds() throws IOException {
        String message = failure(Files.write(tmp.resolve("one.pkl"), new byte[] {(byte) 0x80}));
        assertTrue(
                message.contains("one.pkl is truncated or damaged (ends at byte 1 of a pickle)"),
                message);
    }

    @Test
    void foreignPickleNamesTheGlobalItAsksFor() throws IOException {
        byte[] pickle =
                "\u0080\u0002cos\nsystem\nq\u0000X\u0002\u0000\u0000\u0000lsq\u0001\u0085q\u0002Rq\u0003."
                        .getBytes(StandardCharsets.ISO_8859_1);
        Path evil = Files.write(tmp.resolve("model.pkl"), pickle);
        assertEquals(
                "model.pkl is not a StyleGAN2 checkpoint: it asks for Python object 'os.system', which this"
                        + " reader will not construct. Only snapshots written by NVlabs stylegan2-ada-pytorch (.pkl) and"
                        + " torch.save state dicts (.pt) can be opened.",
                failure(evil));
    }
}
