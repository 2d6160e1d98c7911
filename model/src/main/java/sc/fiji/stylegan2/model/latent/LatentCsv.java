package sc.fiji.stylegan2.model.latent;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Latents as a spreadsheet: a header {@code image,layer,w0,…,w{w_dim-1}}, then one row per image
 * and w index (layer 0 … num_ws−1), values written with Java's shortest round-trip float text (so
 * they read back exactly). Noise maps are not written (they are images, not table rows); use the
 * {@code .npz} for an exact regeneration.
 */
final class LatentCsv {

    private LatentCsv() {}

    static void write(OutputStream out, Latents latents) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        StringBuilder header = new StringBuilder("image,layer");
        for (int c = 0; c < latents.wDim(); c++) {
            header.append(",w").append(c);
        }
        w.write(header.append('\n').toString());
        float[] ws = latents.ws();
        for (int n = 0; n < latents.count(); n++) {
            for (int l = 0; l < latents.numWs(); l++) {
                StringBuilder row = new StringBuilder().append(n).append(',').append(l);
                int off = (n * latents.numWs() + l) * latents.wDim();
                for (int c = 0; c < latents.wDim(); c++) {
                    row.append(',').append(ws[off + c]);
                }
                w.write(row.append('\n').toString());
            }
        }
        w.flush();
    }

    static Latents read(InputStream in, String name) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null || !header.startsWith("image,layer,")) {
            throw new IOException(
                    name + " is not a latent table: the first line must be image,layer,w0,w1,...");
        }
        int wDim = header.split(",").length - 2;
        List<Row> rows = new ArrayList<>();
        String line;
        for (int lineNo = 2; (line = r.readLine()) != null; lineNo++) {
            if (!line.isBlank()) {
                rows.add(Row.parse(line, wDim, name + " line " + lineNo));
            }
        }
        int count = rows.stream().mapToInt(Row::image).max().orElse(-1) + 1;
        int numWs = rows.stream().mapToInt(Row::layer).max().orElse(-1) + 1;
        if (count < 1
                || (long) count * numWs != rows.size()) { // checked before allocating count x numWs
            throw new IOException(
                    name
                            + " has "
                            + rows.size()
                            + " rows; expected one per image and layer ("
                            + count
                            + " x "
                            + numWs
                            + ")");
        }
        float[] ws = new float[count * numWs * wDim];
        boolean[] seen = new boolean[count * numWs];
        for (Row row : rows) {
            int at = row.image * numWs + row.layer;
            if (seen[at]) {
                throw new IOException(
                        name + " has image " + row.image + ", layer " + row.layer + " twice");
            }
            seen[at] = true;
            System.arraycopy(row.values, 0, ws, at * wDim, wDim);
        }
        return new Latents(count, numWs, wDim, ws);
    }

    private record Row(int image, int layer, float[] values) {

        static Row parse(String line, int wDim, String where) throws IOException {
            String[] f = line.split(",");
            if (f.length != wDim + 2) {
                throw new IOException(
                        where + " has " + (f.length - 2) + " values, expected " + wDim);
            }
            try {
                float[] values = new float[wDim];
                for (int c = 0; c < wDim; c++) {
                    values[c] = Float.parseFloat(f[c + 2].trim());
                }
                Row row =
                        new Row(
                                Integer.parseInt(f[0].trim()),
                                Integer.parseInt(f[1].trim()),
                                values);
                if (row.image < 0 || row.layer < 0) {
                    throw new IOException(where + ": image and layer must be >= 0");
                }
                return row;
            } catch (NumberFormatException e) {
                throw new IOException(where + ": not a number (" + e.getMessage() + ")");
            }
        }
    }
}
