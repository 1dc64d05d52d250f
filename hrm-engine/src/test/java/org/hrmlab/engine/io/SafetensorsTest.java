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

    @Test
    void writesBfloat16RoundedToTheNearestWithTiesToEvenInHalfTheBytes() throws Exception {
        float one = 1f;
        float ulp = Math.scalb(1f, -7);
        float[] special = {one, one + ulp / 2, one + 3 * ulp / 2, one + ulp / 2 + Math.scalb(1f, -20), -2.5f, -0f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MAX_VALUE, 3.0e38f, Float.MIN_VALUE};
        float[] expected = {one, one, one + 2 * ulp, one + ulp, -2.5f, -0f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.POSITIVE_INFINITY, nearestBfloat16(3.0e38f),
            0f};
        float[] big = new float[1_200_001];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-30, 30)));
        }
        Map<String, HostTensor> t = new LinkedHashMap<>();
        t.put("special", new HostTensor(new long[] {special.length}, special));
        t.put("big", new HostTensor(new long[] {big.length}, big));
        Path f = dir.resolve("b.safetensors");
        Safetensors.write(f, t, Map.of("k", "v"), Safetensors.StoredType.BF16);

        Safetensors.Contents c = Safetensors.read(f);
        float[] s = c.tensors().get("special").data();
        for (int i = 0; i < special.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(s[i]), "value " + special[i]);
        }
        float[] b = c.tensors().get("big").data();
        for (int i = 0; i < big.length; i++) {
            if (Float.floatToRawIntBits(nearestBfloat16(big[i])) != Float.floatToRawIntBits(b[i])) {
                assertEquals(nearestBfloat16(big[i]), b[i], "value " + i + " = " + big[i]);
            }
        }
        long header = ByteBuffer.wrap(Files.readAllBytes(f), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(8 + header + 2L * (special.length + big.length), Files.size(f));
        assertEquals("v", c.metadata().get("k"));
    }

    /** The nearer of the two bfloat16 values around {@code x} (finite), the one with an even last bit on a tie. */
    private static float nearestBfloat16(float x) {
        int bits = Float.floatToRawIntBits(x);
        float down = Float.intBitsToFloat(bits & 0xFFFF0000);
        float up = Float.intBitsToFloat((bits & 0xFFFF0000) + 0x10000);
        double dDown = Math.abs((double) x - down);
        double dUp = Float.isInfinite(up) ? Math.abs((double) x - Math.scalb(1.0, 128) * Math.signum(x))
                : Math.abs((double) x - up);
        if (dDown != dUp) {
            return dDown < dUp ? down : up;
        }
        return ((Float.floatToRawIntBits(down) >>> 16) & 1) == 0 ? down : up;
    }
}
