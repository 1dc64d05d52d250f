package org.hrmlab.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit without a display, for commands that draw boards with the lab's own renderers: the
 * Monocle headless platform with Prism's software pipeline, as the tests run. A toolkit already running (the lab,
 * or a test) is used as it is.
 */
final class HeadlessFx {
    private static final int START_SECONDS = 30;
    private static volatile boolean started;

    private HeadlessFx() {
    }

    /** Starts the toolkit once; later calls return at once. */
    static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
        var ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        if (!ready.await(START_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start within " + START_SECONDS + " s");
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
