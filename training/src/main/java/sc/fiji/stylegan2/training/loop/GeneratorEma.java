package sc.fiji.stylegan2.training.loop;

/**
 * The exponential moving average of the generator's weights, G_ema, which is the generator users
 * get (Karras et al. 2018, ProGAN Sec. 5; Yazıcı et al. 2019). With half-life {@code ema_kimg}
 * thousand images and a ramp-up that keeps the half-life at most {@code ema_rampup} times the
 * images seen so far:
 *
 * <pre>
 *   ema_nimg = min(ema_kimg · 1000, cur_nimg · ema_rampup)
 *   β        = 0.5 ^ (batch / max(ema_nimg, 1e-8))
 *   θ_ema    ← θ + β (θ_ema − θ)           (lerp(θ, θ_ema, β)); buffers (w_avg) are copied
 * </pre>
 *
 * <p>This class is the schedule (β); {@link EmaUpdate} applies it.
 */
public final class GeneratorEma {

    private final double emaKimg;
    private final Double rampup;

    /**
     * @param rampup the ramp-up fraction, or null for none
     */
    public GeneratorEma(double emaKimg, Double rampup) {
        this.emaKimg = emaKimg;
        this.rampup = rampup;
    }

    /** β after {@code curNimg} images (before this minibatch is counted). */
    public double beta(long curNimg, int batchSize) {
        double emaNimg = emaKimg * 1000;
        if (rampup != null) {
            emaNimg = Math.min(emaNimg, curNimg * rampup);
        }
        return Math.pow(0.5, batchSize / Math.max(emaNimg, 1e-8));
    }
}
