/**
 * Datasets in the reference layout ({@code identifiers.json}, {@code {train,test}/dataset.json} and
 * {@code all__{inputs,labels,puzzle_identifiers,puzzle_indices,group_indices}.npy}): streaming writer
 * ({@link org.hrmlab.puzzles.dataset.DatasetSplitWriter}), reader ({@link org.hrmlab.puzzles.dataset.ReferenceDataset},
 * {@link org.hrmlab.puzzles.dataset.DatasetSplit}) and builders that follow the reference's grouping, identifier,
 * augmentation and split rules ({@link org.hrmlab.puzzles.dataset.SudokuDatasetBuilder},
 * {@link org.hrmlab.puzzles.dataset.MazeDatasetBuilder}, {@link org.hrmlab.puzzles.dataset.ArcDatasetBuilder}).
 */
package org.hrmlab.puzzles.dataset;
