package sc.fiji.stylegan2.model.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import sc.fiji.stylegan2.model.image.PlanarImages;

/**
 * The first images of Fashion-MNIST (Xiao et al. 2017; Debian package {@code dataset-fashion-mnist}): gzipped
 * IDX files of 28x28 8-bit grayscale images, zero-padded to 32x32 (the background is 0), as 0..255 floats.
 */
final class FashionMnist {

    private static final int IDX_IMAGES = 2051;
    private static final int PAD = 2;

    private FashionMnist() {}

    static PlanarImages read(Path imagesGz, int count) throws IOException {
        try (InputStream file = Files.newInputStream(imagesGz);
                DataInputStream in = new DataInputStream(new GZIPInputStream(file))) {
            if (in.readInt() != IDX_IMAGES) {
                throw new IOException(imagesGz + " is not an IDX image file");
            }
            int n = Math.min(count, in.readInt());
            int rows = in.readInt(), cols = in.readInt();
            int h = rows + 2 * PAD, w = cols + 2 * PAD;
            float[] data = new float[n * h * w];
            List<String> labels = new ArrayList<>();
            byte[] row = new byte[cols];
            for (int i = 0; i < n; i++) {
                for (int y = 0; y < rows; y++) {
                    in.readFully(row);
                    for (int x = 0; x < cols; x++) {
                        data[(i * h + y + PAD) * w + x + PAD] = row[x] & 0xff;
                    }
                }
                labels.add("fashion-mnist test " + i);
            }
            return new PlanarImages(data, n, 1, h, w, labels);
        }
    }
}
