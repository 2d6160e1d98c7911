package sc.fiji.stylegan2.model.explore;

import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * Which resolution each of the {@code num_ws} per-layer latents shapes (StyleGAN2 "skip" synthesis
 * network): {@code ws[0]} feeds {@code b4.conv1}, then every block at resolution r reads two ws for
 * {@code conv0} and {@code conv1}; a block's toRGB reads the w after its convs, which is also the
 * next block's {@code conv0} w, so it counts with that conv (it shapes the features at the higher
 * resolution). The last w feeds only the last toRGB, at the output resolution. E.g. 64 px (num_ws
 * 10): 4, 8, 8, 16, 16, 32, 32, 64, 64, 64.
 */
public final class WsLayout {

    private WsLayout() {}

    /** The resolution of each ws index, length {@code num_ws}. */
    public static int[] resolutions(GeneratorConfig cfg) {
        int[] res = new int[cfg.numWs()];
        int i = 0;
        for (int r : cfg.blockResolutions()) {
            int convs = r == 4 ? 1 : 2; // b4 starts from the constant input and has conv1 only
            for (int k = 0; k < convs; k++) {
                res[i++] = r;
            }
        }
        res[i] = cfg.resolution(); // the last toRGB's own w
        return res;
    }
}
