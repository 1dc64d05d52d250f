package org.hrmlab.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Checkpoints whose pickle would run a shell command if its globals were resolved: the loader must refuse them. */
final class HostilePickles {
    private HostilePickles() {
    }

    /** @return a protocol-2 pickle calling {@code os.system("touch <marker>")} */
    static byte[] touching(Path marker) throws IOException {
        byte[] cmd = ("touch " + marker).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(new byte[] {(byte) 0x80, 2});
        p.write("cos\nsystem\n".getBytes(StandardCharsets.US_ASCII));
        p.write('X');
        p.write(new byte[] {(byte) cmd.length, 0, 0, 0});
        p.write(cmd);
        p.write(new byte[] {(byte) 0x85, 'R', '.'});
        return p.toByteArray();
    }

    /**
     * @return {@code dir/root}, a torch zip holding only {@code pickle}, with {@code config} copied beside it as
     *         {@code all_config.yaml}
     */
    static Path checkpoint(Path dir, String root, byte[] pickle, Path config) throws IOException {
        Path f = dir.resolve(root);
        try (OutputStream os = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry(root + "/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
        }
        Files.copy(config, dir.resolve("all_config.yaml"), StandardCopyOption.REPLACE_EXISTING);
        return f;
    }
}
