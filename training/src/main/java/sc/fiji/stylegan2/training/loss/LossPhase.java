package sc.fiji.stylegan2.training.loss;

/**
 * The four training phases of the official loop with lazy regularisation (StyleGAN2 Sec. 3.1): each
 * trains one network on one part of the objective. The regularisation phases run every {@code
 * interval} minibatches with their loss multiplied by the interval.
 */
public enum LossPhase {
    /** G: the non-saturating loss on its fakes. */
    GMAIN("Gmain", true, false),
    /** G: path length regularisation. */
    GREG("Greg", true, true),
    /** D: the non-saturating loss on fakes and reals. */
    DMAIN("Dmain", false, false),
    /** D: the R1 penalty on reals. */
    DREG("Dreg", false, true);

    private final String officialName;
    private final boolean generator;
    private final boolean regularization;

    LossPhase(String officialName, boolean generator, boolean regularization) {
        this.officialName = officialName;
        this.generator = generator;
        this.regularization = regularization;
    }

    /** The official phase name ({@code Gmain}, ...). */
    public String officialName() {
        return officialName;
    }

    /** True when the phase trains the generator (else the discriminator). */
    public boolean trainsGenerator() {
        return generator;
    }

    /** True for the lazily evaluated regularisation phases. */
    public boolean isRegularization() {
        return regularization;
    }
}
