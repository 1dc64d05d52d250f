package org.hrmlab.puzzles.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.hrmlab.puzzles.PuzzleFormatException;
import org.hrmlab.puzzles.io.Npy;

/**
 * One split and set of a reference dataset, opened for reading: metadata and index arrays in memory, examples read
 * on demand (the example files may be gigabytes). Checked on opening: every file present, shapes consistent, indices
 * monotonic and in range.
 */
public final class DatasetSplit {
    private final Path dir;
    private final String set;
    private final DatasetMetadata metadata;
    private final Npy.Header inputsHeader;
    private final Npy.Header labelsHeader;
    private final int[] puzzleIdentifiers;
    private final int[] puzzleIndices;
    private final int[] groupIndices;

    private DatasetSplit(Path dir, String set, DatasetMetadata metadata, Npy.Header inputs, Npy.Header labels,
            int[] ids, int[] puzzleIndices, int[] groupIndices) {
        this.dir = dir;
        this.set = set;
        this.metadata = metadata;
        this.inputsHeader = inputs;
        this.labelsHeader = labels;
        this.puzzleIdentifiers = ids;
        this.puzzleIndices = puzzleIndices;
        this.groupIndices = groupIndices;
    }

    static DatasetSplit open(Path dir, String set, DatasetMetadata meta) throws IOException {
        Path in = file(dir, set, "inputs");
        Path lab = file(dir, set, "labels");
        Npy.Header hi = Npy.header(in);
        Npy.Header hl = Npy.header(lab);
        checkTokens(in, hi, meta.seqLen());
        checkTokens(lab, hl, meta.seqLen());
        if (hi.shape()[0] != hl.shape()[0]) {
            throw new PuzzleFormatException(lab.toString(), null, hl.shape()[0] + " label rows for " + hi.shape()[0]
                    + " input rows");
        }
        int[] ids = ints(file(dir, set, "puzzle_identifiers"));
        int[] pIdx = ints(file(dir, set, "puzzle_indices"));
        int[] gIdx = ints(file(dir, set, "group_indices"));
        checkIndices(file(dir, set, "puzzle_indices"), pIdx, ids.length + 1, hi.shape()[0]);
        checkIndices(file(dir, set, "group_indices"), gIdx, -1, ids.length);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= meta.numPuzzleIdentifiers()) {
                throw new PuzzleFormatException(file(dir, set, "puzzle_identifiers").toString(), "[" + i + "]",
                        "identifier " + ids[i] + " outside 0.." + (meta.numPuzzleIdentifiers() - 1));
            }
        }
        return new DatasetSplit(dir, set, meta, hi, hl, ids, pIdx, gIdx);
    }

    /** @return the split's metadata ({@code dataset.json}) */
    public DatasetMetadata metadata() {
        return metadata;
    }

    /** @return the set name ({@code all}) */
    public String set() {
        return set;
    }

    /** @return the numpy dtype of the inputs file ({@code u1} in reference datasets) */
    public String inputsDtype() {
        return inputsHeader.dtype();
    }

    /** @return the number of examples (rows of inputs and labels) */
    public int exampleCount() {
        return Math.toIntExact(inputsHeader.shape()[0]);
    }

    /** @return the number of puzzles */
    public int puzzleCount() {
        return puzzleIdentifiers.length;
    }

    /** @return the number of groups */
    public int groupCount() {
        return groupIndices.length - 1;
    }

    /** @return a copy of {@code puzzle_identifiers} ({@code [puzzles]}) */
    public int[] puzzleIdentifiers() {
        return puzzleIdentifiers.clone();
    }

    /** @return a copy of {@code puzzle_indices} ({@code [puzzles+1]}, example offsets) */
    public int[] puzzleIndices() {
        return puzzleIndices.clone();
    }

    /** @return a copy of {@code group_indices} ({@code [groups+1]}, puzzle offsets) */
    public int[] groupIndices() {
        return groupIndices.clone();
    }

    /** @return the puzzle that example {@code e} belongs to */
    public int puzzleOfExample(int e) {
        int k = Arrays.binarySearch(puzzleIndices, e);
        return k >= 0 ? nextStart(k) : -k - 2;
    }

    private int nextStart(int k) {
        int p = k;
        while (p + 1 < puzzleIndices.length && puzzleIndices[p + 1] == puzzleIndices[p]) {
            p++;
        }
        return p;
    }

    /** @return the input tokens of example {@code e}, length seq_len */
    public int[] inputs(int e) throws IOException {
        return row(file(dir, set, "inputs"), inputsHeader, e);
    }

    /** @return the label tokens of example {@code e} (PAD/ignored positions as stored, 0) */
    public int[] labels(int e) throws IOException {
        return row(file(dir, set, "labels"), labelsHeader, e);
    }

    private int[] row(Path f, Npy.Header h, int e) throws IOException {
        if (e < 0 || e >= h.shape()[0]) {
            throw new IndexOutOfBoundsException("example " + e + " outside 0.." + (h.shape()[0] - 1));
        }
        int width = Math.toIntExact(h.shape()[1]);
        int item = h.itemSize();
        ByteBuffer b = ByteBuffer.allocate(width * item).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long pos = h.dataOffset() + (long) e * width * item;
            while (b.hasRemaining()) {
                if (ch.read(b, pos + b.position()) < 0) {
                    throw new PuzzleFormatException(f.toString(), null, "truncated");
                }
            }
        }
        b.flip();
        int[] out = new int[width];
        for (int i = 0; i < width; i++) {
            out[i] = switch (h.dtype()) {
                case "u1" -> b.get(i) & 0xFF;
                case "i1" -> b.get(i);
                case "u2" -> b.getShort(i * 2) & 0xFFFF;
                case "i2" -> b.getShort(i * 2);
                case "i4", "u4" -> b.getInt(i * 4);
                case "i8" -> Math.toIntExact(b.getLong(i * 8));
                default -> throw new PuzzleFormatException(f.toString(), null, "tokens of dtype " + h.dtype());
            };
        }
        return out;
    }

    static Path file(Path dir, String set, String field) {
        return dir.resolve(set + "__" + field + ".npy");
    }

    private static void checkTokens(Path f, Npy.Header h, int seqLen) throws PuzzleFormatException {
        if (h.shape().length != 2 || h.shape()[1] != seqLen) {
            throw new PuzzleFormatException(f.toString(), null, "shape " + Arrays.toString(h.shape())
                    + ", expected [examples, " + seqLen + "]");
        }
        if (h.dtype().startsWith("f") || h.dtype().equals("b1")) {
            throw new PuzzleFormatException(f.toString(), null, "tokens must be integers, found dtype " + h.dtype());
        }
    }

    private static int[] ints(Path f) throws IOException {
        if (!Files.exists(f)) {
            throw new PuzzleFormatException(f.toString(), null, "missing");
        }
        var a = Npy.read(f);
        if (a.shape().length != 1 || a.dtype().startsWith("f")) {
            throw new PuzzleFormatException(f.toString(), null, "expected a 1-D integer array, found " + a.dtype()
                    + " " + Arrays.toString(a.shape()));
        }
        return a.toInts();
    }

    private static void checkIndices(Path f, int[] idx, int expectedLength, long end) throws PuzzleFormatException {
        if (expectedLength >= 0 && idx.length != expectedLength) {
            throw new PuzzleFormatException(f.toString(), null, idx.length + " entries, expected " + expectedLength);
        }
        if (idx.length == 0 || idx[0] != 0 || idx[idx.length - 1] != end) {
            throw new PuzzleFormatException(f.toString(), null, "must run from 0 to " + end);
        }
        for (int i = 1; i < idx.length; i++) {
            if (idx[i] < idx[i - 1]) {
                throw new PuzzleFormatException(f.toString(), "[" + i + "]", "indices decrease");
            }
        }
    }
}
