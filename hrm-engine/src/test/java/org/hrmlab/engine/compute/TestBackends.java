package org.hrmlab.engine.compute;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.HrmModel;
import org.junit.jupiter.api.Assumptions;

/**
 * The compute backends the parity tests run against: {@code hrmlab.test.backends} (comma-separated; default
 * {@code cpu,cuda}). A backend that cannot run here (no GPU, no CUDA libraries, Java 17) makes its cases skipped,
 * with the reason, never failed; so the same tests prove every backend where it exists.
 */
public final class TestBackends {
    /** JUnit tag of the tests that run on every backend (the CUDA module runs these against itself). */
    public static final String TAG = "backend-parity";

    private TestBackends() {
    }

    /** @return the backend names to run, for {@code @MethodSource} */
    public static Stream<String> names() {
        return Arrays.stream(System.getProperty("hrmlab.test.backends", "cpu,cuda").split(","))
                .map(String::trim).filter(s -> !s.isEmpty());
    }

    /** @return the device for a backend name, or aborts the test (skipped) saying why it cannot run here */
    public static ComputeDevice device(String backend) {
        if (backend.equals("cpu")) {
            return ComputeDevice.CPU;
        }
        try {
            // cuda, cuda:N as users name them; other backends (the tests' emulated CUDA) by their name
            return backend.equals("cuda") || backend.startsWith("cuda:") ? Devices.select(backend).device()
                    : Devices.open(backend, 0);
        } catch (DeviceUnavailableException e) {
            Assumptions.abort(e.getMessage());
            throw e;
        }
    }

    /** @return the model on that backend (skipping the test where it cannot run) */
    public static HrmModel open(String backend, HrmConfig config, Map<String, HostTensor> weights) {
        return device(backend).open(config, weights);
    }
}
