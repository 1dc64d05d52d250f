package org.hrmlab.puzzles.codec;

import java.util.Optional;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.MazePuzzle;
import org.hrmlab.puzzles.Puzzle;
import org.hrmlab.puzzles.PuzzleKind;

/**
 * Maze tokens as in the reference builder: the characters {@code # SGo} map to 1..5 (wall, floor, start, goal,
 * path), PAD 0, row-major; vocab 6. Labels are the solved maze. Maze-Hard: 30x30, seq 900.
 *
 * @param rows grid rows
 * @param cols grid columns
 */
public record MazeCodec(int rows, int cols) implements TokenCodec {
    @Override
    public PuzzleKind kind() {
        return PuzzleKind.MAZE;
    }

    @Override
    public int seqLen() {
        return rows * cols;
    }

    @Override
    public int vocabSize() {
        return MazeCell.values().length + 1;
    }

    @Override
    public int[] encodeInput(Puzzle puzzle) {
        return encode(maze(puzzle).maze());
    }

    @Override
    public int[] encodeLabels(Puzzle puzzle) {
        MazePuzzle m = maze(puzzle);
        if (m.solution() == null) {
            throw new IllegalArgumentException("maze " + m.name() + " has no known solution");
        }
        return encode(m.solution());
    }

    /** @return tokens of a maze grid (code + 1) */
    @Override
    public int[] encode(Grid g) {
        int[] t = new int[g.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = g.at(i) + 1;
        }
        return t;
    }

    /** Tokens 1..5 decode to their cells; PAD (0) and anything out of range decode to a wall. */
    @Override
    public Optional<Grid> decode(int[] tokens) {
        if (tokens.length != seqLen()) {
            throw new IllegalArgumentException("expected " + seqLen() + " tokens, got " + tokens.length);
        }
        int[] cells = new int[tokens.length];
        for (int i = 0; i < cells.length; i++) {
            int t = tokens[i];
            cells[i] = t >= 1 && t <= MazeCell.values().length ? t - 1 : MazeCell.WALL.code();
        }
        return Optional.of(Grid.of(rows, cols, cells));
    }

    private MazePuzzle maze(Puzzle p) {
        if (!(p instanceof MazePuzzle m) || m.maze().rows() != rows || m.maze().cols() != cols) {
            throw new IllegalArgumentException("expected a " + rows + "x" + cols + " maze, got " + p.kind() + " "
                    + p.name());
        }
        return m;
    }
}
