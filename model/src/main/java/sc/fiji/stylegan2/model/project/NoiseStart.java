package sc.fiji.stylegan2.model.project;

/** Where the projector's per-layer noise maps start. */
public enum NoiseStart {
    /**
     * The model's own {@code noise_const} maps. They are one draw of white noise, so for a real
     * image this is as neutral as a fresh draw, and an image the model generated with noise mode
     * const starts with its exact noise. Deviation: the official projector draws fresh maps; with
     * models whose noise strengths are large (untrained or small ones) fresh maps keep generated
     * images from projecting back.
     */
    CONST,
    /** Fresh white noise from the projection seed, as the official projector. */
    RANDOM
}
