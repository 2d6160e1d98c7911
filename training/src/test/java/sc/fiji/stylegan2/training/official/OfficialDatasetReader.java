package sc.fiji.stylegan2.training.official;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;

/**
 * A small reader of the official dataset layout, written from {@code training/dataset.py}'s
 * description (not from our writer): every {@code .png} entry of the zip in sorted name order,
 * decoded to 8-bit CHW, and {@code dataset.json}'s {@code labels} as a map from entry name to
 * class. It also notes whether every entry is stored uncompressed.
 */
final class OfficialDatasetReader {

    /** A read dataset. */
    record Dataset(
            List<String> names,
            List<int[]> images,
            int channels,
            int resolution,
            Map<String, Integer> labels,
            JsonObject json,
            boolean allStored) {}

    private OfficialDatasetReader() {}

    static Dataset read(Path zipFile) throws IOException {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            List<String> names = new ArrayList<>();
            boolean stored = true;
            for (ZipEntry e : Collections.list(zip.entries())) {
                stored &= e.getMethod() == ZipEntry.STORED;
                if (e.getName().toLowerCase().endsWith(".png")) {
                    names.add(e.getName());
                }
            }
            Collections.sort(names);
            List<int[]> images = new ArrayList<>();
            int channels = 0, resolution = 0;
            for (String n : names) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes(zip, n)));
                Raster r = img.getRaster();
                channels = r.getNumBands();
                resolution = img.getWidth();
                if (img.getHeight() != resolution) {
                    throw new IOException(n + " is not square");
                }
                if (r.getSampleModel().getSampleSize(0) != 8) {
                    throw new IOException(n + " is not 8-bit");
                }
                int plane = resolution * resolution;
                int[] chw = new int[channels * plane];
                for (int y = 0; y < resolution; y++) {
                    for (int x = 0; x < resolution; x++) {
                        for (int c = 0; c < channels; c++) {
                            chw[c * plane + y * resolution + x] = r.getSample(x, y, c);
                        }
                    }
                }
                images.add(chw);
            }
            JsonObject json =
                    JsonParser.parseString(
                                    new String(bytes(zip, "dataset.json"), StandardCharsets.UTF_8))
                            .getAsJsonObject();
            if (!json.has("labels")) {
                throw new IOException("dataset.json has no labels (json['labels'] fails)");
            }
            Map<String, Integer> labels = null;
            JsonElement l = json.get("labels");
            if (!l.isJsonNull()) {
                labels = new LinkedHashMap<>();
                for (JsonElement pair : l.getAsJsonArray()) {
                    labels.put(
                            pair.getAsJsonArray().get(0).getAsString(),
                            pair.getAsJsonArray().get(1).getAsInt());
                }
            }
            return new Dataset(names, images, channels, resolution, labels, json, stored);
        }
    }

    private static byte[] bytes(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IOException(name + " is missing");
        }
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }
}
