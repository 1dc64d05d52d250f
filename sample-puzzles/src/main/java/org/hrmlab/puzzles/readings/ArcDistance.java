package org.hrmlab.puzzles.readings;

/**
 * How far a predicted ARC output grid is from the expected one: differing cells where both grids overlap, plus the
 * size mismatch. Hill-climbing shows as a mostly monotone fall of {@link #total()}.
 *
 * @param differingCells  cells of the overlap whose colours differ
 * @param rowDifference   predicted rows − expected rows
 * @param columnDifference predicted columns − expected columns
 * @param missingOrExtra  cells of either grid outside the overlap
 */
public record ArcDistance(int differingCells, int rowDifference, int columnDifference, int missingOrExtra) {
    /** @return whether both grids have the same size */
    public boolean sameSize() {
        return rowDifference == 0 && columnDifference == 0;
    }

    /** @return differing cells plus cells outside the overlap: 0 exactly when the prediction is right */
    public int total() {
        return differingCells + missingOrExtra;
    }

    /**
     * @param predicted colours 0–9, row-major {@code [predictedRows * predictedCols]} (not modified)
     * @param target    colours 0–9, row-major {@code [targetRows * targetCols]} (not modified)
     */
    public static ArcDistance of(int[] predicted, int predictedRows, int predictedCols, int[] target, int targetRows,
            int targetCols) {
        if (predicted.length != predictedRows * predictedCols || target.length != targetRows * targetCols) {
            throw new IllegalArgumentException("grid sizes do not match their cell counts");
        }
        int rows = Math.min(predictedRows, targetRows);
        int cols = Math.min(predictedCols, targetCols);
        int differing = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (predicted[r * predictedCols + c] != target[r * targetCols + c]) {
                    differing++;
                }
            }
        }
        int overlap = rows * cols;
        int outside = predicted.length - overlap + target.length - overlap;
        return new ArcDistance(differing, predictedRows - targetRows, predictedCols - targetCols, outside);
    }
}
