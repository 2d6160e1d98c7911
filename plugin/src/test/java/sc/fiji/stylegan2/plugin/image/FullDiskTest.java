package sc.fiji.stylegan2.plugin.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.latent.LatentFile;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.plugin.testutil.SmallDisk;
import sc.fiji.stylegan2.training.loop.TickLog;
import sc.fiji.stylegan2.training.loop.TickReport;

/**
 * Every writer on a real full disk (a 512 KiB tmpfs, {@link SmallDisk}): a previous file is written
 * while there is room, the disk is filled, and writing again fails with {@code <file>: could not be
 * written (no space left on device); the previous file is unchanged}, leaving the previous file
 * byte for byte and no temporary file.
 */
class FullDiskTest {

    private static final int DISK_KIB = 512;

    @TempDir Path tmp;

    /** A write that fails on the full disk. */
    private interface Write {
        void to(Path file) throws IOException;
    }

    /**
     * Writes {@code file} with {@code previous}, fills the disk, and checks that {@code next} fails
     * cleanly.
     */
    private void failsOnFullDiskKeepingThePreviousFile(String name, Write previous, Write next)
            throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp, DISK_KIB)) {
            Path file = tmp.resolve(name);
            previous.to(file);
            byte[] before = Files.readAllBytes(file);
            disk.fill();

            IOException e = assertThrows(IOException.class, () -> next.to(file));

            assertEquals(
                    file
                            + ": could not be written (no space left on device); the previous file is unchanged",
                    e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
            try (Stream<Path> files = Files.list(tmp)) {
                assertEquals(
                        List.of(SmallDisk.FILLER, name),
                        files.map(f -> f.getFileName().toString()).sorted().toList(),
                        "no temporary file is left");
            }
        }
    }

    @Test
    void tiffStackOnFullDisk() throws Exception {
        failsOnFullDiskKeepingThePreviousFile(
                "images.tif",
                f -> TiffStackWriter.save(stack(2), f),
                f -> TiffStackWriter.save(stack(8), f));
    }

    @Test
    void latentFileOnFullDisk() throws Exception {
        failsOnFullDiskKeepingThePreviousFile(
                "w.npz",
                f -> LatentFile.write(f, latents(1)),
                f -> LatentFile.write(f, latents(64)));
    }

    @Test
    void latentCsvOnFullDisk() throws Exception {
        failsOnFullDiskKeepingThePreviousFile(
                "w.csv",
                f -> LatentFile.write(f, latents(1)),
                f -> LatentFile.write(f, latents(64)));
    }

    @Test
    void modelFileOnFullDisk() throws Exception {
        GeneratorConfig cfg =
                GeneratorConfig.builder()
                        .setZDim(16)
                        .setWDim(16)
                        .setMappingLayers(2)
                        .setResolution(16)
                        .setImgChannels(1)
                        .setChannelBase(256)
                        .setChannelMax(32)
                        .build();
        try (StyleGAN2Model model =
                StyleGAN2Model.create(cfg, null, IntensityMapping.OFFICIAL_8BIT, 0)) {
            failsOnFullDiskKeepingThePreviousFile("model.sg2", model::save, model::save);
        }
    }

    @Test
    void trainingLogOnFullDiskKeepsItsWholeLines() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp, DISK_KIB);
                TickLog log = new TickLog(tmp)) {
            log.write(tick(0));
            Path file = tmp.resolve(TickLog.FILE_NAME);
            byte[] before = Files.readAllBytes(file);
            disk.fill();

            IOException e =
                    assertThrows(
                            IOException.class,
                            () -> {
                                for (int i = 1;
                                        i < 100;
                                        i++) { // a line may still fit in the file's last page
                                    log.write(tick(i));
                                }
                            });

            assertEquals(
                    file
                            + ": could not be written (no space left on device); the previous file is unchanged",
                    e.getMessage());
            byte[] after = Files.readAllBytes(file);
            assertArrayEquals(before, java.util.Arrays.copyOf(after, before.length));
            assertEquals('\n', after[after.length - 1], "only whole lines");
        }
    }

    private static ImagePlus stack(int images) {
        float[] data = new float[64 * 64 * images];
        java.util.Random r = new java.util.Random(images);
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextFloat(); // incompressible, as TIFF is stored uncompressed anyway
        }
        String[] labels = new String[images];
        java.util.Arrays.setAll(labels, i -> "seed=" + i);
        return ImageJ1Stacks.toImagePlus("t", LabeledFloatImg.of(data, 64, 64, 1, List.of(labels)));
    }

    private static Latents latents(int count) {
        float[] ws = new float[count * 14 * 512];
        java.util.Arrays.fill(ws, 0.5f);
        return new Latents(count, 14, 512, ws);
    }

    private static TickReport tick(long i) {
        return new TickReport(i, i * 0.1, 1, 2, 3, 4, 5, 0.5, Map.of(), List.of());
    }
}
