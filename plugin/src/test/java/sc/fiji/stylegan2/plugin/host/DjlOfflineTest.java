package sc.fiji.stylegan2.plugin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DJL's offline mode is on unless the user set it (the tests' JVM sets it; each test restores it).
 */
class DjlOfflineTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(DjlOffline.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(DjlOffline.PROPERTY);
        } else {
            System.setProperty(DjlOffline.PROPERTY, before);
        }
    }

    @Test
    void offlineModeIsSwitchedOnWhenNobodySetIt() {
        System.clearProperty(DjlOffline.PROPERTY);
        DjlOffline.byDefault();
        assertEquals("true", System.getProperty(DjlOffline.PROPERTY));
    }

    @Test
    void aValueTheUserSetIsKept() {
        System.setProperty(DjlOffline.PROPERTY, "false");
        DjlOffline.byDefault();
        assertEquals("false", System.getProperty(DjlOffline.PROPERTY));
    }
}
