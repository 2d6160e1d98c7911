package sc.fiji.stylegan2.training.official;

import java.util.List;

/**
 * The fixed configs of the official {@code train.py} ({@code cfg_specs}), the values that decide
 * the networks and the schedule; {@code auto} is left out on purpose: its batch, minibatch-stddev
 * group, γ and EMA follow the GPU count, so a command line using it rebuilds a different run on
 * another cluster. {@code cifar} is left out because it switches D to the {@code orig}
 * architecture, whose parameters have other names than this project's {@code resnet} D.
 *
 * @param name the {@code --cfg} value
 * @param batch the minibatch ({@code mb}), before {@code --batch}
 * @param mbstdGroup the minibatch-stddev group ({@code mbstd}), not changed by {@code --batch}
 * @param channelBase {@code fmaps · 32768}
 * @param learningRate {@code lrate}
 * @param gamma R1 γ, before {@code --gamma}
 * @param emaKimg {@code ema}
 * @param emaRampup {@code ramp}, or null
 * @param mappingLayers {@code map}
 */
record OfficialConfigs(
        String name,
        int batch,
        int mbstdGroup,
        int channelBase,
        double learningRate,
        double gamma,
        double emaKimg,
        Double emaRampup,
        int mappingLayers) {

    /** z and w size, and channel maximum, of every official config. */
    static final int LATENT = 512;

    static final int CHANNEL_MAX = 512;

    /** Official ticks are 4 kimg ({@code kimg_per_tick}); {@code --snap} counts ticks. */
    static final int KIMG_PER_TICK = 4;

    /** Values from {@code train.py}'s {@code cfg_specs} (stylegan2-ada-pytorch). */
    static final List<OfficialConfigs> ALL =
            List.of(
                    new OfficialConfigs("stylegan2", 32, 4, 32768, 0.002, 10, 10, null, 8),
                    new OfficialConfigs("paper256", 64, 8, 16384, 0.0025, 1, 20, null, 8),
                    new OfficialConfigs("paper512", 64, 8, 32768, 0.0025, 0.5, 20, null, 8),
                    new OfficialConfigs("paper1024", 32, 4, 32768, 0.002, 2, 10, null, 8));
}
