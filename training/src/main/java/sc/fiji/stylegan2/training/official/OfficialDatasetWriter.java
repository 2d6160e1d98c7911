package sc.fiji.stylegan2.training.official;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.checkpoint.ConfigJson;
import sc.fiji.stylegan2.model.io.AtomicFile;
import sc.fiji.stylegan2.model.io.StoredZipEntry;
import sc.fiji.stylegan2.training.data.TrainingData;

/**
 * Writes training data in the official dataset format, what the official {@code dataset_tool.py}
 * writes and {@code training/dataset.py}'s {@code ImageFolderDataset} reads: a zip, entries stored
 * uncompressed, holding one PNG per image, {@code 00000/img00000000.png} (1000 per folder), square,
 * of one power-of-two size, 8-bit gray or RGB, and {@code dataset.json} with {@code labels}: null,
 * or {@code [[name, class], ...]} for class-conditional data.
 *
 * <p>The official loader maps a pixel u to {@code x = u / 127.5 - 1}; our data is already in [-1,
 * 1] by its intensity mapping, so each value is quantised as
 *
 * <p>{@code u = clamp(round((x + 1) · 127.5), 0, 255)},
 *
 * <p>which gives 8-bit data mapped by its type range (0–255) back exactly, and 16-bit or float data
 * 256 levels of the stored range (a step of {@code 2 · scale / 255} data units). The mapping goes
 * into {@code dataset.json} under {@value #OUR_KEY} beside the labels (the official loader reads
 * only {@code labels}), so models trained on the zip return to the data's units.
 *
 * <p>The official format holds 1 or 3 channels only ({@code dataset_tool.py} refuses others; a PNG
 * of 2 or 4 channels would be read as gray + alpha or RGBA), so other channel counts are refused.
 * Data cut into random tiles is written as its non-overlapping grid of tiles (a fixed set, as the
 * format needs).
 */
public final class OfficialDatasetWriter {

    /** The member of {@code dataset.json} that holds our intensity mapping and quantisation. */
    public static final String OUR_KEY = "stylegan2_fiji";

    /** Images per folder, as {@code dataset_tool.py} writes them. */
    static final int PER_FOLDER = 1000;

    private OfficialDatasetWriter() {}

    /**
     * Checks that {@code data} fits the official format: 1 or 3 channels.
     *
     * @throws IllegalArgumentException saying why otherwise
     */
    public static void requireSupported(TrainingData data) {
        int c = data.channels();
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException(
                    "the images have "
                            + c
                            + " channels: the official dataset format holds 1 (gray) or 3 (RGB)"
                            + " channels only (dataset_tool.py refuses others, and its loader would"
                            + " read a 2- or 4-channel PNG as gray + alpha or RGBA); split or merge the"
                            + " channels first");
        }
    }

    /** The archive name of image {@code index}: {@code 00000/img00000000.png}. */
    public static String entryName(int index) {
        String idx = String.format(Locale.ROOT, "%08d", index);
        return idx.substring(0, 5) + "/img" + idx + ".png";
    }

    /** One value in [-1, 1] as the official 8-bit pixel: {@code round((x + 1) · 127.5)}. */
    static int quantise(float x) {
        long u = Math.round((x + 1.0) * 127.5);
        return (int) Math.max(0, Math.min(255, u));
    }

    /**
     * Writes {@code data} to {@code zip} atomically (on failure or cancel nothing is left).
     *
     * @param classes the class of each image (conditional data), or null for {@code labels: null}
     * @param progress told every 1 % of the images; when it cancels, a {@link
     *     CancellationException} is thrown and no file is written
     */
    public static void write(Path zip, TrainingData data, int[] classes, ProgressListener progress)
            throws IOException {
        requireSupported(data);
        if (classes != null && classes.length != data.size()) {
            throw new IllegalArgumentException(
                    "classes: "
                            + classes.length
                            + " classes for "
                            + data.size()
                            + " images; give one class per image");
        }
        Files.createDirectories(zip.toAbsolutePath().getParent());
        AtomicFile.write(
                zip,
                out -> {
                    ZipOutputStream z = new ZipOutputStream(out);
                    int n = data.size(), c = data.channels(), r = data.resolution();
                    float[] image = new float[c * r * r];
                    int every = Math.max(1, n / 100); // about 100 progress lines
                    for (int i = 0; i < n; i++) {
                        if (progress.isCanceled()) {
                            throw new CancellationException("canceled");
                        }
                        data.copyImage(i, image, 0);
                        StoredZipEntry.write(z, entryName(i), png(image, c, r));
                        if ((i + 1) % every == 0 || i + 1 == n) {
                            progress.progress(
                                    i + 1, n, "dataset.zip: " + (i + 1) + "/" + n + " images");
                        }
                    }
                    StoredZipEntry.write(z, "dataset.json", datasetJson(data, classes));
                    z.finish();
                });
    }

    /** One CHW image in [-1, 1] as an 8-bit gray or RGB PNG. */
    static byte[] png(float[] chw, int channels, int r) throws IOException {
        BufferedImage img =
                new BufferedImage(
                        r,
                        r,
                        channels == 1
                                ? BufferedImage.TYPE_BYTE_GRAY
                                : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster raster = img.getRaster();
        int plane = r * r;
        int[] pixel = new int[channels];
        for (int y = 0; y < r; y++) {
            for (int x = 0; x < r; x++) {
                for (int k = 0; k < channels; k++) {
                    pixel[k] = quantise(chw[k * plane + y * r + x]); // raster bands are R, G, B
                }
                raster.setPixel(x, y, pixel);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", bytes)) {
            throw new IOException("no PNG writer available (javax.imageio)");
        }
        return bytes.toByteArray();
    }

    /** {@code {"labels": ..., "stylegan2_fiji": {intensity, quantisation, ...}}}. */
    static byte[] datasetJson(TrainingData data, int[] classes) {
        JsonObject json = new JsonObject();
        if (classes == null) {
            json.add("labels", JsonNull.INSTANCE);
        } else {
            JsonArray labels = new JsonArray();
            for (int i = 0; i < classes.length; i++) {
                JsonArray pair = new JsonArray();
                pair.add(entryName(i));
                pair.add(classes[i]);
                labels.add(pair);
            }
            json.add("labels", labels);
        }
        JsonObject ours = new JsonObject();
        ours.add("intensity", ConfigJson.of(data.intensity()));
        ours.addProperty(
                "quantisation",
                "u = clamp(round((x + 1) * 127.5), 0, 255), x = (value - offset) / scale per"
                        + " channel; the official loader reads x = u / 127.5 - 1");
        ours.addProperty("resolution", data.resolution());
        ours.addProperty("channels", data.channels());
        if (!data.description().isEmpty()) {
            ours.addProperty("source", data.description());
        }
        json.add(OUR_KEY, ours);
        return new GsonBuilder()
                .serializeNulls() // the official loader reads json['labels'], null or not
                .disableHtmlEscaping()
                .create()
                .toJson(json)
                .getBytes(StandardCharsets.UTF_8);
    }
}
