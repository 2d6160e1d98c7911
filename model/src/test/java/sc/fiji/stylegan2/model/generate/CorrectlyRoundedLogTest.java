package sc.fiji.stylegan2.model.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CorrectlyRoundedLogTest {

    private static final MathContext MC = new MathContext(60);
    private static final BigDecimal LN2 =
            new BigDecimal("0.693147180559945309417232121458176568075500134360255254120680009");

    /** Reference: 60-digit ln by the atanh series in BigDecimal, rounded once to a double. */
    static double reference(double x) {
        int k = Math.getExponent(x);
        BigDecimal m = new BigDecimal(x / Math.scalb(1.0, k));
        BigDecimal s = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        BigDecimal s2 = s.multiply(s, MC);
        BigDecimal term = s, sum = BigDecimal.ZERO;
        for (int n = 1; term.abs().compareTo(new BigDecimal("1e-70")) > 0; n += 2) {
            sum = sum.add(term.divide(BigDecimal.valueOf(n), MC), MC);
            term = term.multiply(s2, MC);
        }
        return sum.multiply(BigDecimal.valueOf(2))
                .add(LN2.multiply(BigDecimal.valueOf(k)), MC)
                .doubleValue();
    }

    @Test
    void agreesWithSixtyDigitReferenceOnPolarMethodInputs() {
        Random r = new Random(1);
        for (int i = 0; i < 20000; i++) {
            double x = r.nextDouble(); // the polar method takes logs of r² in (0, 1)
            if (x == 0) {
                continue;
            }
            assertEquals(reference(x), CorrectlyRoundedLog.log(x), 0.0, "x = " + x);
        }
    }

    @Test
    void exactAtPowersOfTwoAndOne() {
        assertEquals(0.0, CorrectlyRoundedLog.log(1.0), 0.0);
        assertEquals(-Math.log(2) * 3, CorrectlyRoundedLog.log(0.125), 1e-16);
    }
}
