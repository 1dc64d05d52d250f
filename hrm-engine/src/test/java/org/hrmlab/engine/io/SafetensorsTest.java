package org.hrmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hrmlab.engine.HostTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsTensorsLargerThanOneChunkAndKeepsOrderAndMetadata() throws Exception {
        float[] big = new float[700_001];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) rnd.nextGaussian();
        }
        Map<String, HostTensor> t = new LinkedHashMap<>();
        t.put("z", new HostTensor(new long[] {2}, new float[] {-0f, Float.MIN_VALUE}));
        t.put("big", new HostTensor(new long[] {700_001}, big));
        t.put("empty", new HostTensor(new long[] {0, 4}, new float[0]));
        Path f = dir.resolve("m.safetensors");
        Safetensors.write(f, t, Map.of("k", "v"));
        Safetensors.Contents c = Safetensors.read(f);
        assertEquals(java.util.List.of("z", "big", "empty"), java.util.List.copyOf(c.tensors().keySet()));
        assertArrayEquals(big, c.tensors().get("big").data());
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(c.tensors().get("z").data()[0]));
        assertEquals(Float.MIN_VALUE, c.tensors().get("z").data()[1]);
        assertArrayEquals(new long[] {0, 4}, c.tensors().get("empty").shape());
        assertEquals("v", c.metadata().get("k"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void widensHalfAndBfloat16Exactly() throws Exception {
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,6]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[6,10]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(8 + h.length + 10).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(h.length).put(h).putShort((short) 0x3C00).putShort((short) 0x0001).putShort((short) 0xFBFF)
                .putShort((short) 0x3FC0).putShort((short) 0x8001);
        Path f = dir.resolve("x.safetensors");
        Files.write(f, buf.array());
        Safetensors.Contents c = Safetensors.read(f);
        assertArrayEquals(new float[] {1f, Math.scalb(1f, -24), -65504f}, c.tensors().get("h").data());
        assertEquals(1.5f, c.tensors().get("b").data()[0]);
        assertEquals(0x80010000, Float.floatToRawIntBits(c.tensors().get("b").data()[1]));
    }
}
