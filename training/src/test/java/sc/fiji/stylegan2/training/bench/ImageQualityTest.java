package sc.fiji.stylegan2.training.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageQualityTest {

    @Test
    void psnrOfAConstantErrorOfOneTenthIsTwentySixDecibels() {
        float[] a = new float[64];
        float[] b = new float[64];
        java.util.Arrays.fill(b, 0.1f);
        // 10 log10(2² / 0.01) = 26.02 dB
        assertEquals(10 * Math.log10(400), ImageQuality.psnr(a, b, 0, 64), 1e-5);
    }

    @Test
    void ssimIsOneForIdenticalImagesAndFallsWithNoise() {
        Random r = new Random(3);
        float[] a = new float[2 * 16 * 16];
        float[] b = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) Math.sin(i * 0.1);
            b[i] = a[i] + (float) (0.3 * r.nextGaussian());
        }
        assertEquals(1.0, ImageQuality.ssim(a, a, 0, 2, 16, 16), 1e-12);
        double noisy = ImageQuality.ssim(a, b, 0, 2, 16, 16);
        assertEquals(true, noisy < 0.9 && noisy > 0, "SSIM with noise " + noisy);
    }

    @Test
    void valuesOutsideTheRangeAreClampedLikeEightBitImages() {
        float[] a = {1.5f, -2f, 0f, 0f};
        float[] b = {1f, -1f, 0f, 0f};
        assertEquals(Double.POSITIVE_INFINITY, ImageQuality.psnr(a, b, 0, 4));
    }
}
