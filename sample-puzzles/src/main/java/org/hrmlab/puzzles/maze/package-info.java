/**
 * Mazes in the Maze-Hard character set {@code # SGo}: breadth-first shortest paths with path counting
 * ({@link org.hrmlab.puzzles.maze.MazeSolver}), a seeded generator with a path-length hardness filter
 * ({@link org.hrmlab.puzzles.maze.MazeGenerator}, {@link org.hrmlab.puzzles.maze.MazeDifficulty}) and the loader for
 * maze text and Maze-Hard CSVs ({@link org.hrmlab.puzzles.maze.MazeLoader}).
 */
package org.hrmlab.puzzles.maze;
