package sc.fiji.stylegan2.model.direction;

import java.util.Arrays;

/**
 * Directions in W found by one method: unit vectors {@code [k, w_dim]}, best first, each with its
 * score ({@link DirectionMethod#score()}), and the ws indices (layers) they were found for.
 *
 * @param vectors k unit vectors of {@code w_dim} values
 * @param scores one per vector
 * @param layers the ws indices, ascending
 */
public record Directions(DirectionMethod method, float[][] vectors, double[] scores, int[] layers) {

    public Directions {
        if (vectors.length == 0 || vectors.length != scores.length) {
            throw new IllegalArgumentException(
                    vectors.length + " directions with " + scores.length + " scores");
        }
        for (float[] v : vectors) {
            if (v.length != vectors[0].length) {
                throw new IllegalArgumentException("directions of different lengths");
            }
        }
        vectors = Arrays.stream(vectors).map(float[]::clone).toArray(float[][]::new);
        scores = scores.clone();
        layers = layers.clone();
    }

    /** The number of directions k. */
    public int count() {
        return vectors.length;
    }

    /** The length of each direction, {@code w_dim}. */
    public int wDim() {
        return vectors[0].length;
    }

    /** Direction i, a copy. */
    public float[] vector(int i) {
        return vectors[i].clone();
    }

    @Override
    public float[][] vectors() {
        return Arrays.stream(vectors).map(float[]::clone).toArray(float[][]::new);
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    /** {@code v / |v|}; refuses a zero vector. */
    public static float[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0)) {
            throw new IllegalArgumentException(
                    "the direction is zero: the two sets (or classes) do not differ");
        }
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / norm);
        }
        return u;
    }
}
