package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import sc.fiji.stylegan2.model.nn.Module;

/**
 * Minibatch standard deviation (ProGAN, Karras et al. 2018, Sec. 3): the std of each feature over a
 * group of G samples, averaged over channels and pixels, appended as extra feature maps so the
 * discriminator can see a lack of variety. Official {@code MinibatchStdLayer}; the logits depend on
 * the whole group.
 */
public final class MinibatchStdLayer extends Module {

    private final int groupSize;
    private final int numChannels;

    public MinibatchStdLayer(int groupSize, int numChannels) {
        this.groupSize = groupSize;
        this.numChannels = numChannels;
    }

    /** {@code [N, C, H, W]} → {@code [N, C + F, H, W]}, groups of {@code min(group size, N)}. */
    public NDArray forward(NDArray x) {
        return forward(x, groupSize(x.getShape().get(0)));
    }

    /** The group size used for a batch of {@code n}: {@code min(group size, n)}, as officially. */
    long groupSize(long n) {
        return Math.min(groupSize, n);
    }

    /** Refuses a batch of {@code n} that does not split into groups of {@code g}. */
    static void requireWholeGroups(long n, long g) {
        if (n % g != 0) {
            throw new IllegalArgumentException(
                    "minibatch-stddev needs the batch ("
                            + n
                            + ") to be a multiple of the group size ("
                            + g
                            + ")");
        }
    }

    /**
     * With an explicit group count {@code g}: sample i joins group {@code i mod (N / g)}, so a
     * caller can lay out several independent batches in one (see {@link
     * Discriminator#forwardPair}).
     */
    NDArray forward(NDArray x, long g) {
        long[] s = x.getShape().getShape();
        long n = s[0], c = s[1], h = s[2], w = s[3];
        requireWholeGroups(n, g);
        long f = numChannels;
        NDArray y =
                x.reshape(g, -1, f, c / f, h, w); // [G,n,F,c,H,W]: sample i goes to group i mod n
        y = y.sub(y.mean(new int[] {0})); // subtract the group mean
        y = y.square().mean(new int[] {0}); // [n,F,c,H,W] variance over the group
        y = y.add(1e-8f).sqrt(); // std
        y =
                y.reshape(-1, f, (c / f) * h * w)
                        .mean(new int[] {2}); // [n,F] average over channels and pixels
        y = y.reshape(-1, f, 1, 1).tile(new long[] {g, 1, h, w}); // [N,F,H,W]
        return x.concat(y, 1);
    }
}
